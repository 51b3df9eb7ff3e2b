// Rule: prompt cancellation (kotlinx.coroutines 1.4+): a receiver that was handed an element but is cancelled before it runs again throws CancellationException and the element is lost; a sender whose element was taken but that is cancelled before it runs again throws too, after its element was delivered.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<Int>()
    val receiver = launch {
        try {
            val x = ch.receive()
            println("1 received $x")
        } catch (e: CancellationException) {
            println("2 receiver cancelled")
        }
    }
    yield()
    ch.send(7)
    println("3 sent 7")
    receiver.cancel()
    receiver.join()
    println("4 empty=${ch.isEmpty}")
    val sender = launch {
        try {
            ch.send(8)
            println("5 send returned")
        } catch (e: CancellationException) {
            println("6 sender cancelled")
        }
    }
    yield()
    println("7 received ${ch.receive()}")
    sender.cancel()
    sender.join()
    println("8 done")
}
