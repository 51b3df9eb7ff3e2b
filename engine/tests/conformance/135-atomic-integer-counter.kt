// Rule: AtomicInteger.incrementAndGet() is exact from many threads: 100 Default coroutines x 1000 increments give 100000; it returns the new value.
import kotlinx.coroutines.*
import java.util.concurrent.atomic.AtomicInteger

fun main() = runBlocking {
    val counter = AtomicInteger()
    withContext(Dispatchers.Default) {
        repeat(100) {
            launch {
                repeat(1000) { counter.incrementAndGet() }
            }
        }
    }
    println("counter = ${counter.get()}")
    println("incrementAndGet returns ${counter.incrementAndGet()}")
}
