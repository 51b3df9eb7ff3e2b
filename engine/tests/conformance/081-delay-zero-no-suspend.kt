// Rule: delay(0) (or a negative delay) returns at once without suspending, while yield() lets queued coroutines run.
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch {
        println("queued coroutine runs")
    }
    delay(0)
    println("main: after delay(0), the queued coroutine has not run")
    delay(-5)
    println("main: after delay(-5), still not")
    yield()
    println("main: after yield()")
}
