// Rule: runBlocking has one thread: three children that each call Thread.sleep(300) run one after the other (rounds 1, 2, 3 of 300 ms), while three children that each delay(300) overlap (all in round 1).
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch { delay(1) }.join() // warm-up: the JVM loads what launch and delay need before any timing
    val start = System.currentTimeMillis()
    coroutineScope {
        repeat(3) { i ->
            launch {
                Thread.sleep(300)
                println("sleeper $i done in round ${(System.currentTimeMillis() - start) / 300}")
            }
        }
    }
    val start2 = System.currentTimeMillis()
    coroutineScope {
        repeat(3) { i ->
            launch {
                delay(300)
                println("delayer $i done in round ${(System.currentTimeMillis() - start2) / 300}")
            }
        }
    }
    println("end")
}
