// Rule: Bulkhead: slow blocking queries on their own fixed pool do not delay a health check on Dispatchers.Default, which answers while the queries still run (they take two rounds of 500 ms).
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    async(Dispatchers.Default) { }.await() // warm-up: the JVM loads what launch and async need before any timing
    val dbPool = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    val start = System.currentTimeMillis()
    val queries = List(4) { launch(dbPool) { Thread.sleep(500) } }
    val health = async(Dispatchers.Default) { System.currentTimeMillis() - start }
    println("health check answered before the first queries finished (< 500 ms): ${health.await() < 500}")
    queries.joinAll()
    println("queries done in ${(System.currentTimeMillis() - start) / 500} rounds of 500 ms")
    dbPool.close()
}
