// Rule: Dispatchers.Default has at least two threads on any machine: two blocking tasks of 300 ms on it run at the same time, on two threads, in one round of 300 ms.
import kotlinx.coroutines.*

fun main() = runBlocking {
    async(Dispatchers.Default) { }.await() // warm-up: the JVM loads what async needs before any timing
    val start = System.currentTimeMillis()
    val a = async(Dispatchers.Default) {
        Thread.sleep(300)
        Thread.currentThread().name
    }
    val b = async(Dispatchers.Default) {
        Thread.sleep(300)
        Thread.currentThread().name
    }
    val ta = a.await()
    val tb = b.await()
    println("2 x Thread.sleep(300) on Default: ${(System.currentTimeMillis() - start) / 300} round(s) of 300 ms")
    println("on two different threads: ${ta != tb}")
}
