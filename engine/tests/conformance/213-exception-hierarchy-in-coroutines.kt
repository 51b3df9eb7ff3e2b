// Rule: exceptions of a user hierarchy keep their class and message through coroutines: a CoroutineExceptionHandler prints them as the JVM does, await rethrows them, and catch (e: Base) catches a subclass thrown in a child.
import kotlinx.coroutines.*

open class H213ServiceException(msg: String) : RuntimeException(msg)

class H213Unavailable(val service: String) : H213ServiceException("$service is unavailable")

class H213BadReply(service: String, code: Int) : H213ServiceException("$service replied $code")

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e ->
        println("handler: $e (${e is H213ServiceException})")
    }
    val supervisor = SupervisorJob()
    val scope = CoroutineScope(supervisor + handler)
    scope.launch { throw H213Unavailable("users") }.join()
    scope.launch { throw H213BadReply("orders", 502) }.join()
    val d = scope.async { throw H213Unavailable("billing") }
    try {
        d.await()
    } catch (e: H213ServiceException) {
        println("await: ${e.message}")
    }
    try {
        coroutineScope {
            launch { throw H213BadReply("stock", 500) }
        }
    } catch (e: H213ServiceException) {
        println("scope: $e")
    }
    supervisor.cancel()
    println("done")
}
