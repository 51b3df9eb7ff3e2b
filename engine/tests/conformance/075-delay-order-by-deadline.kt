// Rule: Coroutines waiting in delay() resume in the order of their deadlines, not of their launches; a coroutine that does not delay runs first.
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch {
        delay(300)
        println("300 ms")
    }
    launch {
        delay(100)
        println("100 ms")
    }
    launch {
        delay(200)
        println("200 ms")
    }
    launch {
        println("no delay")
    }
    println("main: four launched")
}
