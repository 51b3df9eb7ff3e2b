// Rule: withContext(Dispatchers.IO) { Thread.sleep(1000) } blocks an IO thread, not main: runBlocking's other coroutines keep running on main meanwhile.
import kotlinx.coroutines.*

var c133Ticks = 0

fun main() = runBlocking {
    launch { delay(1) }.join() // warm-up: the JVM loads what launch, delay and withContext need before any timing
    withContext(Dispatchers.IO) { }
    launch {
        repeat(3) { i ->
            delay(100)
            c133Ticks++
            println("tick ${i + 1} on ${Thread.currentThread().name}")
        }
    }
    withContext(Dispatchers.IO) { Thread.sleep(1000) }
    println("IO block returned on ${Thread.currentThread().name} after $c133Ticks ticks")
}
