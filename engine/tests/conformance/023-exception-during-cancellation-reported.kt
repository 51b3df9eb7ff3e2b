// Rule: A real exception thrown while a coroutine is being cancelled is still reported.
import kotlinx.coroutines.*

// The tree is shut down with a plain cancel(). A child that throws a real exception
// while being cancelled turns it into a failure, reported once, with no cause and
// nothing suppressed (the CancellationException from cancel() is dropped).
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e ->
        println("handler: $e, cause = ${e.cause}, suppressed = ${e.suppressed.size}")
    }
    val group = Job()
    launch(group + handler) {
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("saver: cancelled, but saving fails")
                throw IllegalStateException("save failed during shutdown")
            }
        }
        delay(Long.MAX_VALUE)
    }
    delay(100)
    println("main: shutting the group down with cancel()")
    group.cancel()
    group.join()
    println("main: group cancelled = ${group.isCancelled}")
}
