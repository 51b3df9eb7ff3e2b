// Rule: cancel(CancellationException("reason")) hands that exception to the cancelled coroutine: its suspension point throws it with the given message and no cause.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val session = launch {
        try {
            delay(Long.MAX_VALUE)
        } catch (e: CancellationException) {
            println("session: cancelled with message '${e.message}', cause = ${e.cause}")
        }
    }
    delay(100)
    session.cancel(CancellationException("user logged out"))
    session.join()
    println("main: session cancelled = ${session.isCancelled}")
}
