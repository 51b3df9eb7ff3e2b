// The article's root-handler sample; `logger` is an object with `error(msg)`.
import kotlinx.coroutines.*

object logger {
    fun error(msg: String) {
        println("ERROR $msg")
    }
}

// Proper root handler setup
val handler = CoroutineExceptionHandler { _, exception ->
    logger.error("Caught $exception in root scope")
}
val rootScope = CoroutineScope(Dispatchers.Default + SupervisorJob() + handler)

fun main() = runBlocking {
    rootScope.launch { throw Exception("Critical failure") }
    delay(100)
}
