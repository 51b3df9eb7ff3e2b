// Rule: Cancelling the outer coroutine cancels the coroutineScope inside it and that scope's children.
import kotlinx.coroutines.*

// Cancelling a coroutine cancels the coroutineScope it is suspended in and that
// scope's children; the scope waits for their finally blocks, then throws
// CancellationException to its caller.
suspend fun c005Serve(): Int = coroutineScope {
    launch {
        try {
            println("handler: waiting for a request")
            delay(Long.MAX_VALUE)
        } finally {
            println("handler: cancelled, finally runs")
        }
    }
    println("serve: block suspends too")
    delay(Long.MAX_VALUE)
    0
}

fun main() = runBlocking {
    val session = launch {
        try {
            c005Serve()
            println("session: never printed")
        } catch (e: CancellationException) {
            println("session: serve() threw CancellationException")
        }
    }
    delay(100)
    println("main: cancelling the session")
    session.cancel()
    println("main: session isCancelled = ${session.isCancelled}, isCompleted = ${session.isCompleted}")
    session.join()
    println("main: session isCompleted = ${session.isCompleted}, main still active = $isActive")
}
