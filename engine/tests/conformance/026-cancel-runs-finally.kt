// Rule: A cancelled child runs its finally block, and the parent waits for it.
import kotlinx.coroutines.*

// cancel() does not stop a coroutine on the spot: it gets a CancellationException at its
// next suspension point and runs its finally block. runBlocking waits for that.
fun main() {
    runBlocking {
        val ticker = launch {
            try {
                var i = 0
                while (true) {
                    println("ticker: tick $i")
                    i++
                    yield()
                }
            } finally {
                println("ticker: finally, cleaning up")
            }
        }
        yield()
        yield()
        ticker.cancel()
        println("main: cancel() returned; the block ends without joining")
    }
    println("after runBlocking: the ticker's finally has already run")
}
