// Rule: withContext waits for its children, and a failing child makes withContext throw (the caller stays alive).
import kotlinx.coroutines.*

// withContext waits for the coroutines launched inside it. A failing child makes
// withContext throw that exception; the caller itself is not cancelled.
fun main() = runBlocking {
    val worker = newSingleThreadContext("worker")
    val text = withContext(worker) {
        launch {
            delay(200)
            println("child: finished after the block returned")
        }
        println("block: returning, child still running")
        "first result"
    }
    println("main: withContext returned '$text' only after its child")
    try {
        withContext(worker) {
            launch {
                delay(100)
                println("child: failing")
                throw IllegalStateException("child failed inside withContext")
            }
            "second result"
        }
        println("main: never printed")
    } catch (e: IllegalStateException) {
        println("main: withContext threw $e")
    }
    println("main: still active = $isActive")
    worker.close()
}
