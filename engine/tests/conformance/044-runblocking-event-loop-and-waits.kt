// Rule: runBlocking: a private FIFO event loop, nested runBlocking reuses it, and it waits for all descendants.
import kotlinx.coroutines.*

// runBlocking runs a FIFO event loop on the calling thread and returns only when the
// block and all descendants are done. A nested runBlocking(coroutineContext) uses the
// same loop, so coroutines queued by the outer one can run inside it.
fun main() {
    println("before runBlocking")
    runBlocking {
        launch {
            repeat(3) { i ->
                println("A step $i")
                yield()
            }
        }
        launch {
            launch {
                repeat(2) { i ->
                    println("B's child step $i")
                    yield()
                }
            }
            repeat(2) { i ->
                println("B step $i")
                yield()
            }
        }
        println("main block: ends, children still running")
    }
    println("after runBlocking: every descendant has finished")

    runBlocking {
        launch { println("outer loop's queued coroutine runs inside the nested runBlocking") }
        runBlocking(coroutineContext) {
            println("nested runBlocking: same event loop, yielding")
            yield()
            println("nested runBlocking: resumes")
        }
        println("outer runBlocking: the nested one returned")
    }
}
