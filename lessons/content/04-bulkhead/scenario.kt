// Lesson 4, a dispatcher as a bulkhead: slow blocking calls get threads of their own.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

val bulkhead = true // @param "Run the database calls on their own pool"
val dbThreads = 16 // @param 1..32 "Threads of the database pool"
val queries = 20 // @param 1..60 "Database queries"
val queryMs = 200 // @param 50..1000 step 50 "Each query blocks its thread for (ms)"
val everyMs = 10 // @param 0..100 step 5 "A new query arrives every (ms)"
val healthAtMs = 100 // @param 0..500 step 50 "The health check arrives at (ms)"

// The old JDBC-style driver: every call blocks the calling thread.
object legacyDatabaseClient {
    fun execute(): String {
        Thread.sleep(queryMs.toLong())
        return "rows"
    }
}

// Isolation for legacy blocking operations
val dbDispatcher = Executors.newFixedThreadPool(dbThreads).asCoroutineDispatcher()

suspend fun safeDatabaseQuery() = withContext(dbDispatcher) {
    // This won't starve your main worker pools
    legacyDatabaseClient.execute()
}

suspend fun query(): String = if (bulkhead) safeDatabaseQuery() else legacyDatabaseClient.execute()

fun main() = runBlocking {
    val start = System.currentTimeMillis()
    val server = Dispatchers.Default // the pool that serves every request
    val requests = List(queries) { i ->
        launch(server + CoroutineName("query-$i")) {
            delay(i * everyMs.toLong())
            query()
        }
    }
    delay(healthAtMs.toLong())
    val asked = System.currentTimeMillis() // the load balancer asks: are you alive?
    val health = launch(server + CoroutineName("health")) {
        println("health check answered in ${System.currentTimeMillis() - asked} ms")
    }
    health.join()
    requests.joinAll()
    println("all $queries queries done after ${System.currentTimeMillis() - start} ms")
    dbDispatcher.close()
}
