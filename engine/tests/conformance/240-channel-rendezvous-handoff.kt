// Rule: a rendezvous Channel() hands each element from a sender to a receiver: whoever arrives second completes at once and goes on running, the one that waited is resumed through the runBlocking event loop and runs when its turn comes; a ping-pong of send/receive between two coroutines prints in exactly this order.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<Int>()
    launch {
        for (i in 1..3) {
            println("1 sender: before send $i")
            ch.send(i)
            println("2 sender: after send $i")
        }
    }
    launch {
        repeat(3) {
            println("3 receiver: before receive")
            val x = ch.receive()
            println("4 receiver: got $x")
        }
    }
    println("5 main: launched both")
    val ping = Channel<String>()
    val pong = Channel<String>()
    val player = launch {
        repeat(2) { r ->
            val ball = ping.receive()
            println("6 player got $ball $r")
            pong.send("pong$r")
            println("7 player sent pong$r")
        }
    }
    repeat(2) { r ->
        ping.send("ping$r")
        println("8 main sent ping$r")
        println("9 main got ${pong.receive()}")
    }
    player.join()
    println("10 done")
}
