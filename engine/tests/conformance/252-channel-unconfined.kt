// Rule: a consumer started with Dispatchers.Unconfined runs in the thread that resumes it: each element handed to it is printed right inside the send, before the sender goes on; a producer on Unconfined sends until it finds no receiver, and the consumer's receives resume it inline.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*

fun main() = runBlocking {
    val ch = Channel<Int>()
    val consumer = launch(Dispatchers.Unconfined) {
        for (x in ch) println("1 consumer got $x")
        println("2 consumer done")
    }
    for (i in 1..3) {
        println("3 sending $i")
        ch.send(i)
        println("4 sent $i")
    }
    ch.close()
    consumer.join()
    val numbers = produce(Dispatchers.Unconfined) {
        for (i in 1..3) {
            println("5 producing $i")
            send(i)
            println("6 produced $i")
        }
    }
    println("7 main starts receiving")
    for (n in numbers) println("8 main got $n")
    println("9 done")
}
