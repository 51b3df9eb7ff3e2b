// Rule: A failing child cancels the coroutineScope and its siblings; the scope rethrows the exception.
import kotlinx.coroutines.*

// A failing child of coroutineScope cancels its siblings; the scope rethrows the
// child's exception to the caller, whose own job stays active.
fun main() = runBlocking {
    val watcher = launch {
        delay(300)
        println("watcher: a child of main outside the scope, not affected")
    }
    try {
        coroutineScope {
            launch {
                try {
                    println("download: started")
                    delay(10_000)
                    println("download: finished (never printed)")
                } finally {
                    println("download: cancelled, cleaning up")
                }
            }
            launch {
                delay(100)
                println("parser: failing")
                throw IllegalStateException("bad header")
            }
            println("scope: block done, waiting for its children")
        }
        println("main: never printed")
    } catch (e: IllegalStateException) {
        println("main: coroutineScope threw $e")
    }
    println("main: still active = $isActive")
    watcher.join()
    println("main: done")
}
