// Rule: suspended receivers are served first come, first served, and so are suspended senders, whose elements arrive in the order they suspended; a receiver or sender cancelled while it waits leaves the queue (the next one is served) and resumes with its CancellationException; a cancelled sender's element is never delivered.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<Int>()
    val receivers = (1..3).map { k ->
        launch {
            try {
                println("1 r$k got ${ch.receive()}")
            } catch (e: CancellationException) {
                println("2 r$k cancelled")
            }
        }
    }
    yield()
    receivers[0].cancel()
    ch.send(10)
    println("3 sent 10")
    ch.send(20)
    println("4 sent 20")
    receivers.joinAll()
    val senders = (1..4).map { k ->
        launch {
            try {
                ch.send(k * 100)
                println("5 s$k delivered")
            } catch (e: CancellationException) {
                println("6 s$k cancelled")
            }
        }
    }
    yield()
    senders[2].cancel()
    repeat(3) { println("7 received ${ch.receive()}") }
    senders.joinAll()
    val buffered = Channel<String>(1)
    buffered.send("kept")
    val blocked = launch {
        buffered.send("dropped")
        println("never")
    }
    val next = launch {
        buffered.send("next")
        println("8 next delivered")
    }
    yield()
    blocked.cancelAndJoin()
    println("9 ${buffered.receive()} ${buffered.receive()}")
    next.join()
    println("10 empty=${buffered.isEmpty}")
}
