// Rule: CoroutineExceptionHandler is NOT called when the parent takes the exception (CompletableDeferred parent).
import kotlinx.coroutines.*

// A CompletableDeferred parent takes a failing child's exception as its own result,
// so the handler in the child's context is never called.
fun main() = runBlocking {
    val childHandler = CoroutineExceptionHandler { _, e -> println("child handler got $e (never printed)") }
    val result = CompletableDeferred<String>()
    val worker = launch(result + childHandler) {
        println("worker: failing")
        throw IllegalArgumentException("bad input")
    }
    worker.join()
    println("main: worker cancelled = ${worker.isCancelled}, result cancelled = ${result.isCancelled}")
    try {
        result.await()
    } catch (e: IllegalArgumentException) {
        println("main: result.await() threw $e")
    }
    println("main: done, the child's handler was never called")
}
