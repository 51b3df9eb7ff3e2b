// Rule: a producer that fails closes its channel with its exception (a consumer outside its failure, here under supervisorScope, gets it from receive, and nothing is reported) and fails its parent like any child; cancelling the channel a producer returned cancels the producer (its send throws a CancellationException); consumeEach that stops early (return from the function) cancels the producer; a producer cancelled by its parent closes the channel with the cancellation.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

suspend fun c245FirstOver(ch: ReceiveChannel<Int>, limit: Int): Int {
    ch.consumeEach { if (it > limit) return it }
    return -1
}

fun main() = runBlocking {
    supervisorScope {
        val ch = produce<Int> {
            send(1)
            throw IllegalStateException("producer failed")
        }
        println("1 got ${ch.receive()}")
        try {
            ch.receive()
        } catch (e: IllegalStateException) {
            println("2 consumer: $e")
        }
    }
    try {
        coroutineScope {
            produce<Int> {
                delay(10)
                throw IllegalStateException("fails its parent")
            }
            delay(1000)
            println("never")
        }
    } catch (e: IllegalStateException) {
        println("3 scope: $e")
    }
    val endless = produce {
        var i = 0
        try {
            while (true) {
                send(i++)
            }
        } catch (e: CancellationException) {
            println("4 producer cancelled")
            throw e
        } finally {
            println("5 producer finally")
        }
    }
    println("6 ${endless.receive()} ${endless.receive()}")
    endless.cancel()
    delay(10)
    println("7 closedForReceive=${endless.isClosedForReceive}")
    val counting = produce {
        try {
            for (i in 1..100) send(i)
        } finally {
            println("8 counting finally")
        }
    }
    println("9 first over 3: ${c245FirstOver(counting, 3)}")
    delay(10)
    val outer = launch {
        val ch = produce<Int> { delay(1000); send(1) }
        try {
            ch.receive()
        } catch (e: CancellationException) {
            println("10 outer receive cancelled")
        }
    }
    delay(100)
    outer.cancel()
    outer.join()
    println("11 done")
}
