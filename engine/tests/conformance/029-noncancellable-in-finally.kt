// Rule: Suspending inside finally needs withContext(NonCancellable).
import kotlinx.coroutines.*

// In a cancelled coroutine an ordinary delay() in finally throws at once; wrapped in
// withContext(NonCancellable) it suspends normally. await() throws only after the cleanup.
fun main() = runBlocking {
    val conn = async {
        try {
            println("conn: serving")
            delay(Long.MAX_VALUE)
        } finally {
            try {
                delay(100)
                println("conn: never printed")
            } catch (e: CancellationException) {
                println("conn: plain delay in finally threw CancellationException")
            }
            withContext(NonCancellable) {
                println("conn: sending goodbye")
                delay(300)
                println("conn: goodbye sent")
            }
        }
    }
    delay(100)
    conn.cancel()
    println("main: cancel() returned, awaiting")
    try {
        conn.await()
    } catch (e: CancellationException) {
        println("main: await threw CancellationException after the cleanup")
    }
}
