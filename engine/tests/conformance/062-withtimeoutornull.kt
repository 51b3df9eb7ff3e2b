// Rule: withTimeoutOrNull returns the block's value when it finishes in time and null when the time runs out (after the block's finally has run); it does not throw.
import kotlinx.coroutines.*

fun main() = runBlocking {
    yield()
    val start = System.currentTimeMillis()
    val quick = withTimeoutOrNull(300) {
        delay(100)
        42
    }
    println("quick = $quick at ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    val slow = withTimeoutOrNull(200) {
        try {
            delay(1000)
            7
        } finally {
            println("slow block: finally runs")
        }
    }
    println("slow = $slow at ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    val label = withTimeoutOrNull(100) { delay(300); "done" } ?: "timed out"
    println("label = $label")
}
