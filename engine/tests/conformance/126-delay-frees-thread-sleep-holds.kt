// Rule: On a single-thread context, delay() frees the thread so five coroutines delaying 300 ms finish together (one round of 300 ms), while five calling Thread.sleep(300) hold it in turn (five rounds).
import kotlinx.coroutines.*

fun main() = runBlocking {
    val one = newSingleThreadContext("one")
    launch(one) { delay(1) }.join() // warm-up: the JVM loads what launch and delay need before any timing
    val start = System.currentTimeMillis()
    List(5) { launch(one) { delay(300) } }.joinAll()
    println("5 x delay(300) on one thread: ${(System.currentTimeMillis() - start) / 300} round(s) of 300 ms")
    val start2 = System.currentTimeMillis()
    List(5) { launch(one) { Thread.sleep(300) } }.joinAll()
    println("5 x Thread.sleep(300) on one thread: ${(System.currentTimeMillis() - start2) / 300} round(s) of 300 ms")
    one.close()
}
