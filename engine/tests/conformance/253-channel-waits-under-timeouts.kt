// Rule: a receive or send inside withTimeout/withTimeoutOrNull that times out leaves the channel's queue: the next element goes to the receiver that still waits, and a timed-out sender's element is never delivered; a producer whose consumer timed out is still there for the next receive.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<String>()
    val patient = launch {
        println("1 patient got ${ch.receive()}")
    }
    val hurried = withTimeoutOrNull(100) { ch.receive() }
    println("2 hurried got $hurried")
    ch.send("first")
    patient.join()
    try {
        withTimeout(100) { ch.send("lost") }
    } catch (e: TimeoutCancellationException) {
        println("3 send timed out: ${e.message}")
    }
    println("4 poll=${ch.poll()}")
    val ticks = produce {
        var n = 0
        while (true) {
            delay(300)
            send(n++)
        }
    }
    repeat(3) {
        val t = withTimeoutOrNull(200) { ticks.receive() }
        println("5 tick $t")
    }
    ticks.cancel()
    println("6 done")
}
