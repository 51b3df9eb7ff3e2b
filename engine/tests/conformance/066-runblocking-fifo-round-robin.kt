// Rule: runBlocking's event loop is FIFO: launched coroutines start in launch order, and each yield() puts the caller at the back of the queue, giving a round-robin order.
import kotlinx.coroutines.*

fun main() = runBlocking {
    for (name in listOf("A", "B", "C")) {
        launch {
            repeat(3) { i ->
                println("$name$i")
                yield()
            }
        }
    }
    repeat(3) { i ->
        println("main$i")
        yield()
    }
    println("main: body ends")
}
