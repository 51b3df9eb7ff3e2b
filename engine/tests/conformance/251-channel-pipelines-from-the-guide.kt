// Rule: the pipelines of the coroutines guide run as on the JVM: a prime sieve of chained produce coroutines stopped with cancelChildren(), fan-in of two senders with delays (300 and 500 ms, no two due at once) into one channel, and a ping-pong table where two players pass a ball through a channel.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun CoroutineScope.c251NumbersFrom(start: Int) = produce<Int> {
    var x = start
    while (true) send(x++)
}

fun CoroutineScope.c251Filter(numbers: ReceiveChannel<Int>, prime: Int) = produce<Int> {
    for (x in numbers) if (x % prime != 0) send(x)
}

suspend fun c251SendString(channel: SendChannel<String>, s: String, time: Long) {
    while (true) {
        delay(time)
        channel.send(s)
    }
}

data class C251Ball(var hits: Int)

suspend fun c251Player(name: String, table: Channel<C251Ball>) {
    for (ball in table) {
        ball.hits++
        println("3 $name $ball")
        delay(300)
        table.send(ball)
    }
}

fun main() = runBlocking {
    var cur = c251NumbersFrom(2)
    repeat(10) {
        val prime = cur.receive()
        println("1 prime $prime")
        cur = c251Filter(cur, prime)
    }
    coroutineContext.cancelChildren()
    val channel = Channel<String>()
    launch { c251SendString(channel, "foo", 300L) }
    launch { c251SendString(channel, "BAR!", 500L) }
    repeat(6) {
        println("2 ${channel.receive()}")
    }
    coroutineContext.cancelChildren()
    val table = Channel<C251Ball>()
    launch { c251Player("ping", table) }
    launch { c251Player("pong", table) }
    table.send(C251Ball(0))
    delay(1000)
    coroutineContext.cancelChildren()
    println("4 done")
}
