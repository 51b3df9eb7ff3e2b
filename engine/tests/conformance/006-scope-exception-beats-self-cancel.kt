// Rule: A real exception thrown after cancellation wins over the CancellationException.
import kotlinx.coroutines.*

// A coroutine that is already cancelled and then throws a real exception inside
// coroutineScope gets that exception from the scope, not a CancellationException.
fun main() = runBlocking {
    val worker = launch {
        val self = coroutineContext[Job]!!
        try {
            coroutineScope {
                println("scope: started")
                yield()
                println("scope: cancelling its own outer job, then throwing")
                self.cancel()
                throw IllegalStateException("disk full")
            }
        } catch (e: IllegalStateException) {
            if (e is CancellationException) println("worker: got a CancellationException")
            else println("worker: got $e")
        }
        println("worker: after the try, active = $isActive")
    }
    println("main: worker launched")
    worker.join()
    println("main: worker isCancelled = ${worker.isCancelled}")
}
