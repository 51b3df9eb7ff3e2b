// Rule: a produce coroutine closes its channel only when it completes, after its children: a child launched in the producer still sends through the producer's channel after the block's end; a producer cancelled with its parent closes the channel with a CancellationException, which a receiver outside that parent gets from receive and from a for loop.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = produce {
        launch {
            delay(100)
            send(1)
            println("1 child sent")
        }
        send(0)
        println("2 block ends")
    }
    for (x in ch) println("3 got $x closed=${ch.isClosedForReceive}")
    println("4 closed=${ch.isClosedForReceive}")
    val parent = Job()
    val scope = CoroutineScope(coroutineContext + parent)
    val stream = scope.produce {
        var i = 0
        while (true) {
            send(i++)
            delay(100)
        }
    }
    println("5 ${stream.receive()} ${stream.receive()}")
    parent.cancel()
    try {
        stream.receive()
        println("never")
    } catch (e: CancellationException) {
        println("6 receive: cancelled")
    }
    try {
        for (x in stream) println("never $x")
    } catch (e: CancellationException) {
        println("7 loop: cancelled")
    }
    println("8 closedForReceive=${stream.isClosedForReceive}")
}
