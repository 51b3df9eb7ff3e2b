// Rule: Cancelling a child (CancellationException) never cancels the parent.
import kotlinx.coroutines.*

// Cancelling a child ends it with a CancellationException, which is not a failure:
// the parent is not cancelled and goes on with its other work.
fun main() = runBlocking {
    val parent = launch {
        val poller = launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("poller: stopped")
            }
        }
        val writer = launch {
            delay(200)
            println("writer: finished its work")
        }
        delay(100)
        println("parent: cancelling the poller only")
        poller.cancel()
        poller.join()
        println("parent: poller cancelled = ${poller.isCancelled}, parent active = $isActive")
        val token = Job(coroutineContext[Job])
        token.cancel()
        token.join()
        println("parent: plain child Job cancelled = ${token.isCancelled}, parent active = $isActive")
        writer.join()
        println("parent: done")
    }
    parent.join()
    println("main: parent cancelled = ${parent.isCancelled}")
}
