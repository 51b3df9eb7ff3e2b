// Rule: When withTimeout expires, the block is cancelled at its suspension point, its finally block runs, and only then does the caller get the exception, at the timeout's time.
import kotlinx.coroutines.*

fun main() = runBlocking {
    yield()
    val start = System.currentTimeMillis()
    try {
        withTimeout(200) {
            try {
                println("query: sent")
                delay(500)
                println("query: never printed")
            } finally {
                println("query: finally at ${(System.currentTimeMillis() - start) / 100 * 100} ms")
            }
        }
    } catch (e: TimeoutCancellationException) {
        println("caller: caught the timeout at ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    }
}
