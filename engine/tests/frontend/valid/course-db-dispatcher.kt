// The article's bulkhead sample, with a blocking legacy client defined around it.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

object legacyDatabaseClient {
    fun execute(): String {
        Thread.sleep(200)
        return "rows"
    }
}

// Isolation for legacy blocking operations
val dbDispatcher = Executors.newFixedThreadPool(16).asCoroutineDispatcher()
suspend fun safeDatabaseQuery() = withContext(dbDispatcher) {
    // This won't starve your main worker pools
    legacyDatabaseClient.execute()
}

fun main() = runBlocking {
    println(safeDatabaseQuery())
    dbDispatcher.close()
}
