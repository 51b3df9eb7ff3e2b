// Rule: Dispatchers.IO runs many blocking tasks at once: 8 tasks of Thread.sleep(300) finish in one round of 300 ms on IO but take four rounds on a fixed pool of 2 threads.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    launch(Dispatchers.IO) { }.join() // warm-up: the JVM loads what launch needs before any timing
    val start = System.currentTimeMillis()
    coroutineScope {
        repeat(8) { launch(Dispatchers.IO) { Thread.sleep(300) } }
    }
    println("8 x 300 ms on IO: ${(System.currentTimeMillis() - start) / 300} round(s) of 300 ms")
    val pool = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    val start2 = System.currentTimeMillis()
    coroutineScope {
        repeat(8) { launch(pool) { Thread.sleep(300) } }
    }
    println("8 x 300 ms on a pool of 2: ${(System.currentTimeMillis() - start2) / 300} round(s) of 300 ms")
    pool.close()
}
