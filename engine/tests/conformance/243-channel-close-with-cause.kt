// Rule: close(cause) makes receive and the for loop throw that very exception once the channel is drained, and send throw it too; the waiting receivers get it at once.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<Int>(2)
    ch.send(1)
    val boom = IllegalStateException("boom")
    ch.close(boom)
    try {
        ch.send(2)
    } catch (e: Exception) {
        println("1 send: $e same=${e === boom}")
    }
    try {
        for (x in ch) println("2 got $x")
        println("never")
    } catch (e: IllegalStateException) {
        println("3 loop: $e same=${e === boom}")
    }
    try {
        ch.receive()
    } catch (e: Exception) {
        println("4 receive: $e")
    }
    val w = Channel<Int>()
    val job = launch {
        try {
            w.receive()
        } catch (e: Exception) {
            println("5 waiter: $e")
        }
    }
    yield()
    w.close(ArithmeticException("stop"))
    job.join()
    println("6 closedForReceive=${w.isClosedForReceive} closedForSend=${w.isClosedForSend}")
}
