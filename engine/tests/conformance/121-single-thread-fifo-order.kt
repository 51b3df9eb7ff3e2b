// Rule: Coroutines dispatched to a single-thread context run one at a time, in the order they were dispatched.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val serial = newSingleThreadContext("serial")
    val jobs = List(5) { i ->
        launch(serial) {
            println("task $i on ${Thread.currentThread().name}")
        }
    }
    jobs.joinAll()
    println("all done on ${Thread.currentThread().name}")
    serial.close()
}
