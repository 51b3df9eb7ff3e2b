// Review: where does a CoroutineExceptionHandler work?
import kotlinx.coroutines.*
import java.io.IOException

val where = "root scope" // @param one of "root scope", "child coroutine" "Where the handler is installed"

val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }

fun main() = runBlocking {
    try {
        if (where == "root scope") {
            val rootScope = CoroutineScope(SupervisorJob() + handler)
            rootScope.launch(CoroutineName("export")) { throw IOException("disk full") }.join()
        } else {
            coroutineScope {
                launch(handler + CoroutineName("export")) { throw IOException("disk full") }
            }
        }
        println("request done")
    } catch (e: Exception) {
        println("caught by the caller: $e")
    }
}
