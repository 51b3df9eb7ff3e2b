// Rule: Two coroutines awaiting one Deferred are resumed in the order they started waiting.
import kotlinx.coroutines.*

// When a Deferred completes, its awaiters are resumed in the order they started
// waiting. They are queued behind what is already in the queue; none runs inline.
fun main() = runBlocking {
    val outer = this
    val forecast = async {
        delay(500)
        outer.launch { println("bystander: queued by the forecast just before it completed") }
        println("forecast: ready")
        "sunny"
    }
    launch { delay(200); println("Ada: waiting"); println("Ada: got ${forecast.await()}") }
    launch { delay(300); println("Bea: waiting"); println("Bea: got ${forecast.await()}") }
    launch { delay(100); println("Cleo: waiting"); println("Cleo: got ${forecast.await()}") }
    delay(400)
    println("main: waiting")
    println("main: got ${forecast.await()}")
}
