// Rule: Without a bulkhead, a health check queued on the same fixed pool as slow blocking queries waits behind all of them: after 4 queries of 500 ms on 2 threads, that is two rounds (>= 1000 ms).
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    async(Dispatchers.Default) { }.await() // warm-up: the JVM loads what launch and async need before any timing
    val shared = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    val start = System.currentTimeMillis()
    val queries = List(4) { launch(shared) { Thread.sleep(500) } }
    val health = async(shared) { System.currentTimeMillis() - start }
    println("health check waited for all the queries (>= 1000 ms): ${health.await() >= 1000}")
    queries.joinAll()
    println("queries done in ${(System.currentTimeMillis() - start) / 500} rounds of 500 ms")
    shared.close()
}
