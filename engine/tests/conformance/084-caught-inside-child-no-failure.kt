// Rule: An exception caught inside the coroutine's own body is not a failure: the coroutine completes normally and its parent and siblings are unaffected.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val careful = launch {
        try {
            delay(100)
            throw IllegalStateException("recoverable")
        } catch (e: IllegalStateException) {
            println("careful: caught $e and recovered")
        }
        println("careful: finishing normally")
    }
    val sibling = launch {
        delay(200)
        println("sibling: unaffected")
    }
    joinAll(careful, sibling)
    println("main: careful cancelled = ${careful.isCancelled}, sibling cancelled = ${sibling.isCancelled}, main active = $isActive")
}
