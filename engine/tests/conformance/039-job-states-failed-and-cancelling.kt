// Rule: Job states on failure and cancellation: Cancelling (isCancelled, not completed) → Cancelled.
import kotlinx.coroutines.*

// Failure or cancel() moves a job to Cancelling (not active, not completed, cancelled)
// at once; it becomes Cancelled only when all its children have finished. A child
// failing while the job is Completing moves it to Cancelled too.
fun c039StatusFlags(j: Job) = "isActive=${j.isActive} isCompleted=${j.isCompleted} isCancelled=${j.isCancelled}"

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("  handler: $e") }

    println("1) the body throws while a child is still cleaning up")
    val failing = launch(Job() + handler) {
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                withContext(NonCancellable) { delay(400) }
                println("  child: cleanup finished")
            }
        }
        delay(100)
        throw IllegalStateException("body failed")
    }
    delay(200)
    println("  Cancelling: ${c039StatusFlags(failing)}")
    failing.join()
    println("  Cancelled:  ${c039StatusFlags(failing)}")

    println("2) cancel() while the job is Completing")
    val finishing = launch(Job() + handler) {
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                withContext(NonCancellable) { delay(200) }
                println("  child: cleanup finished")
            }
        }
    }
    delay(100)
    println("  Completing: ${c039StatusFlags(finishing)}")
    finishing.cancel()
    println("  Cancelling: ${c039StatusFlags(finishing)}")
    finishing.join()
    println("  Cancelled:  ${c039StatusFlags(finishing)}")

    println("3) a child fails while the job is Completing")
    val waiting = launch(Job() + handler) {
        launch {
            delay(200)
            throw IllegalArgumentException("child failed")
        }
    }
    delay(100)
    println("  Completing: ${c039StatusFlags(waiting)}")
    waiting.join()
    println("  Cancelled:  ${c039StatusFlags(waiting)}")
}
