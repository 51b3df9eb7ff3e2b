// Rule: supervisorScope: a failing child does not cancel the scope or its siblings.
import kotlinx.coroutines.*

// Inside supervisorScope a failing child reports to its own handler; the scope and
// the other children carry on, and the scope still waits for all of them.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val result = supervisorScope {
        val slow = launch(handler) {
            delay(300)
            println("thumbnail 1: done")
        }
        launch(handler) {
            delay(100)
            println("thumbnail 2: failing")
            throw IllegalStateException("corrupt image")
        }
        delay(200)
        println("scope: after the failure, thumbnail 1 active = ${slow.isActive}, cancelled = ${slow.isCancelled}")
        "1 of 2 thumbnails"
    }
    println("main: supervisorScope returned '$result'")
}
