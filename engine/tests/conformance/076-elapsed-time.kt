// Rule: Sequential delays add up and concurrent delays overlap, as System.currentTimeMillis() shows (printed rounded down to hundreds of milliseconds).
import kotlinx.coroutines.*

fun main() = runBlocking {
    yield()
    val start = System.currentTimeMillis()
    delay(200)
    println("after delay(200): ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    delay(100)
    delay(100)
    println("after two delay(100): ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    coroutineScope {
        launch { delay(300) }
        launch { delay(200) }
    }
    println("after concurrent 300 and 200: ${(System.currentTimeMillis() - start) / 100 * 100} ms")
}
