// Rule: A TimeoutCancellationException that escapes a launch only cancels that coroutine: it is a CancellationException, so the parent and siblings are not cancelled and no handler runs.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e (never printed)") }
    val poll = launch(handler) {
        withTimeout(100) {
            println("poll: waiting for an answer")
            delay(300)
        }
        println("poll: never printed")
    }
    val sibling = launch {
        delay(200)
        println("sibling: still runs after the timeout")
    }
    joinAll(poll, sibling)
    println("main: poll cancelled = ${poll.isCancelled}, sibling cancelled = ${sibling.isCancelled}, main active = $isActive")
}
