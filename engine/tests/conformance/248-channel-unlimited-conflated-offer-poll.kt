// Rule: Channel.UNLIMITED never suspends a sender; Channel.CONFLATED keeps only the newest element (a send never suspends); offer adds without suspending and says whether it could, poll takes without suspending or gives null; offer to a waiting receiver hands the element over; on a closed channel poll gives null and offer throws ClosedSendChannelException; the constants' values.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking<Unit> {
    println("1 ${Channel.RENDEZVOUS} ${Channel.UNLIMITED} ${Channel.CONFLATED}")
    val u = Channel<Int>(Channel.UNLIMITED)
    repeat(1000) { u.send(it) }
    println("2 sent 1000 without suspending, first=${u.receive()}")
    var n = 1
    while (u.poll() != null) n++
    println("3 drained $n")
    val c = Channel<Int>(Channel.CONFLATED)
    c.send(1)
    c.send(2)
    println("4 offer=${c.offer(3)}")
    println("5 conflated receive=${c.receive()} poll=${c.poll()}")
    val r = Channel<String>()
    println("6 offer to rendezvous with no receiver=${r.offer("x")}")
    val waiter = async { r.receive() }
    yield()
    println("7 offer with a waiting receiver=${r.offer("y")}")
    println("8 waiter got ${waiter.await()}")
    val b = Channel<Int>(2)
    println("9 ${b.offer(1)} ${b.offer(2)} ${b.offer(3)}")
    println("10 ${b.poll()} ${b.poll()} ${b.poll()}")
    b.close()
    println("11 poll on closed=${b.poll()}")
    try {
        b.offer(4)
    } catch (e: ClosedSendChannelException) {
        println("12 offer on closed: ${e.message}")
    }
    val failed = Channel<Int>(1)
    failed.close(IllegalArgumentException("bad"))
    try {
        failed.poll()
    } catch (e: IllegalArgumentException) {
        println("13 poll on failed: $e")
    }
}
