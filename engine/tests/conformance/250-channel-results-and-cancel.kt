// Rule: (1.9 API) trySend and tryReceive never suspend and return a ChannelResult (Value(x), Failed, or Closed(cause) with isSuccess, isFailure, isClosed, getOrNull, getOrThrow, exceptionOrNull); receiveCatching gives Closed(cause) instead of throwing; Channel.BUFFERED holds 64; cancel() of a channel drops its elements and makes receive and send throw CancellationException("Channel was cancelled"); a consumeEach whose action throws cancels the channel with "Channel was consumed, consumer had failed".
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking<Unit> {
    println("1 BUFFERED=${Channel.BUFFERED}")
    val b = Channel<Int>(Channel.BUFFERED)
    var n = 0
    while (b.trySend(n).isSuccess) n++
    println("2 buffered holds $n")
    val full = b.trySend(99)
    println("3 $full isSuccess=${full.isSuccess} isFailure=${full.isFailure} isClosed=${full.isClosed} getOrNull=${full.getOrNull()}")
    println("4 ${Channel<Int>(1).trySend(5)}")
    val r = b.tryReceive()
    println("5 $r ${r.getOrNull()} ${r.getOrThrow()}")
    val e = Channel<Int>()
    val empty = e.tryReceive()
    println("6 $empty ${empty.isClosed} ${empty.exceptionOrNull()}")
    e.close()
    val closed = e.tryReceive()
    println("7 $closed ${closed.isClosed} ${closed.exceptionOrNull()}")
    println("8 ${e.trySend(1)}")
    try {
        closed.getOrThrow()
    } catch (x: IllegalStateException) {
        println("9 ${x.message}")
    }
    val c = Channel<String>(2)
    c.send("a")
    c.close(IllegalStateException("done"))
    val first = c.receiveCatching()
    val second = c.receiveCatching()
    println("10 $first $second ${second.exceptionOrNull()?.message}")
    val w = Channel<Int>()
    val waiter = async { w.receiveCatching() }
    yield()
    w.close()
    println("11 ${waiter.await()}")
    val k = Channel<Int>(3)
    k.send(1)
    k.send(2)
    k.cancel()
    println("12 closedForSend=${k.isClosedForSend} closedForReceive=${k.isClosedForReceive} empty=${k.isEmpty}")
    try {
        k.receive()
    } catch (x: CancellationException) {
        println("13 $x")
    }
    try {
        k.send(3)
    } catch (x: CancellationException) {
        println("14 ${x.message}")
    }
    val src = Channel<Int>(5)
    repeat(3) { src.send(it) }
    try {
        src.consumeEach { if (it == 1) throw ArithmeticException("bad element") }
    } catch (x: ArithmeticException) {
        println("15 $x")
    }
    try {
        src.receive()
    } catch (x: CancellationException) {
        println("16 ${x.message} cause=${x.cause}")
    }
}
