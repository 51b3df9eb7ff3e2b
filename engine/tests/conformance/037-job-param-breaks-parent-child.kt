// Rule: Passing a Job() to launch replaces the parent; that coroutine survives the scope's cancellation.
import kotlinx.coroutines.*

// launch(Job()) makes that Job the parent: the coroutine survives the cancellation of
// the coroutine that started it, which also does not wait for it. Cancelling the
// explicit Job cancels it, and join() on that Job waits for it.
fun main() = runBlocking {
    val auditJob = Job()
    lateinit var audit: Job
    val request = launch {
        audit = launch(auditJob) {
            try {
                delay(300)
                println("audit: wrote the log entry after the request was cancelled")
                delay(Long.MAX_VALUE)
            } finally {
                println("audit: stopped by cancelling its own Job")
            }
        }
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("worker: cancelled with the request")
            }
        }
    }
    delay(100)
    request.cancel()
    request.join()
    println("main: request joined; audit active = ${audit.isActive}")
    delay(400)
    auditJob.cancel()
    auditJob.join()
    println("main: audit job joined, audit cancelled = ${audit.isCancelled}")
}
