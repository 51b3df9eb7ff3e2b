// Rule: Root launch exceptions are uncaught (handler / thread handler); root async exceptions only surface at await.
import kotlinx.coroutines.*

// A root launch reports its uncaught exception to the CoroutineExceptionHandler.
// A root async never does: its exception waits in the Deferred until await().
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val rootLaunch = GlobalScope.launch(handler) {
        throw IllegalStateException("from the root launch")
    }
    rootLaunch.join()
    println("main: root launch joined, cancelled = ${rootLaunch.isCancelled}")
    val rootAsync = GlobalScope.async(handler) {
        throw UnsupportedOperationException("from the root async")
    }
    rootAsync.join()
    println("main: root async joined, the handler stayed silent")
    try {
        rootAsync.await()
    } catch (e: UnsupportedOperationException) {
        println("main: await threw $e")
    }
}
