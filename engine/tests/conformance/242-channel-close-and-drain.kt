// Rule: close() stops sending at once but the elements sent before it are still received; a for loop over the channel ends when it is closed and drained; receive on a closed, drained channel throws ClosedReceiveChannelException("Channel was closed"), send on a closed channel ClosedSendChannelException("Channel was closed"); the receivers waiting at the close fail in the order they came; isClosedForSend, isClosedForReceive and isEmpty along the way; a second close() returns false.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<String>(3)
    println("1 empty=${ch.isEmpty} closedForSend=${ch.isClosedForSend} closedForReceive=${ch.isClosedForReceive}")
    ch.send("a")
    ch.send("b")
    println("2 empty=${ch.isEmpty}")
    println("3 close=${ch.close()} again=${ch.close()}")
    println("4 empty=${ch.isEmpty} closedForSend=${ch.isClosedForSend} closedForReceive=${ch.isClosedForReceive}")
    try {
        ch.send("c")
    } catch (e: ClosedSendChannelException) {
        println("5 $e")
    }
    for (s in ch) println("6 got $s")
    println("7 empty=${ch.isEmpty} closedForSend=${ch.isClosedForSend} closedForReceive=${ch.isClosedForReceive}")
    try {
        ch.receive()
    } catch (e: ClosedReceiveChannelException) {
        println("8 $e")
        println("9 ${e.message} ${e is NoSuchElementException}")
    }
    val r = Channel<Int>()
    val waiting = launch {
        try {
            println("10 waiting")
            r.receive()
        } catch (e: ClosedReceiveChannelException) {
            println("11 waiter: ${e.message}")
        }
    }
    val looping = launch {
        for (x in r) println("never $x")
        println("12 loop ended")
    }
    yield()
    println("13 closing")
    r.close()
    println("14 closed")
    joinAll(waiting, looping)
    val s = Channel<Int>()
    val pending = launch {
        s.send(1)
        println("15 pending send completed")
        try {
            s.send(2)
        } catch (e: ClosedSendChannelException) {
            println("16 second send: ${e.message}")
        }
    }
    yield()
    s.close()
    println("17 closedForReceive=${s.isClosedForReceive}")
    println("18 received ${s.receive()}")
    pending.join()
    println("19 closedForReceive=${s.isClosedForReceive}")
}
