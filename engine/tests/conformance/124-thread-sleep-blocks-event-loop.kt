// Rule: Thread.sleep inside runBlocking blocks its whole event loop: a sibling's delay(100) timer fires only when a Thread.sleep(500) is over; with delay(500) instead it fires on time.
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch { delay(1) }.join() // warm-up: the JVM loads what launch and delay need before any timing
    launch {
        val start = System.currentTimeMillis()
        delay(100)
        println("timer due after 100 ms ran only after the sleep (>= 500 ms): ${System.currentTimeMillis() - start >= 500}")
    }
    yield()
    Thread.sleep(500)
    println("Thread.sleep(500) returned")
    delay(200)
    launch {
        val start = System.currentTimeMillis()
        delay(100)
        println("timer due after 100 ms ran on time (< 300 ms): ${System.currentTimeMillis() - start < 300}")
    }
    yield()
    delay(500)
    println("delay(500) returned")
}
