// Rule: produce { send(x) } starts a child coroutine that sends to the channel it returns; the channel is closed when the block ends, so a for loop or consumeEach over it ends after the last element; produce(capacity = n) lets the producer run ahead; the producer is a child its parent waits for, and its channel's isClosedForReceive turns true once drained.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun CoroutineScope.c244Numbers(n: Int) = produce {
    for (i in 1..n) {
        println("1 producing $i")
        send(i * i)
    }
    println("2 producer done")
}

fun CoroutineScope.c244Square(input: ReceiveChannel<Int>) = produce {
    for (x in input) send(x + 1)
}

fun main() = runBlocking {
    val squares = c244Numbers(3)
    for (s in squares) println("3 got $s")
    println("4 closedForReceive=${squares.isClosedForReceive}")
    val fast = produce(capacity = 2) {
        repeat(4) {
            send(it)
            println("5 sent $it")
        }
    }
    delay(100)
    println("6 consuming")
    fast.consumeEach { println("7 consumed $it") }
    val piped = c244Square(c244Numbers(2))
    println("8 ${piped.receive()} ${piped.receive()}")
    val job = launch {
        val inner = produce<String> {
            delay(200)
            send("late")
            delay(200)
            println("9 inner producer ends")
        }
        println("10 ${inner.receive()}")
    }
    job.join()
    println("11 parent waited for the producer")
}
