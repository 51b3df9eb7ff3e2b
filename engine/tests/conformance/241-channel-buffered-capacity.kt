// Rule: Channel(capacity) lets a sender run ahead until the buffer is full, then send suspends until a receiver takes an element; the elements come out in the order they were sent; the suspended sender resumes through the event loop after the receiver made room.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<Int>(2)
    val sender = launch {
        for (i in 1..5) {
            println("1 send $i")
            ch.send(i)
            println("2 sent $i")
        }
        println("3 sender done")
    }
    yield()
    println("4 main: receiving")
    repeat(5) {
        val x = ch.receive()
        println("5 received $x")
        if (x == 2) yield()
    }
    sender.join()
    val timed = Channel<String>(1)
    val start = System.currentTimeMillis()
    launch {
        timed.send("a")
        timed.send("b")
        println("6 second send returned after 300 ms: ${System.currentTimeMillis() - start >= 300}")
    }
    delay(300)
    println("7 took ${timed.receive()}")
    delay(100)
    println("8 took ${timed.receive()}")
}
