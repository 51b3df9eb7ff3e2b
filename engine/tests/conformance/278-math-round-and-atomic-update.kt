// Rule: `Math.round` (a Long, ties towards positive infinity), `Math.floor`/`ceil`/`pow`, kotlin.math's `round` (ties to even), `floor`, `ceil`, `max`, `min` and `pow`, `roundToInt` of NaN, and atomics' `updateAndGet`/`getAndUpdate` (a retry loop that loses no update across threads) give what the JVM gives.
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference
import kotlin.math.ceil
import kotlin.math.floor
import kotlin.math.max
import kotlin.math.min
import kotlin.math.pow
import kotlin.math.round
import kotlin.math.roundToInt
import kotlinx.coroutines.*

fun c278Backoff(attempt: Int): Long = (100 * 2.0.pow(attempt)).toLong()

fun main() = runBlocking {
    println("== Math.round")
    for (x in listOf(2.5, -2.5, 2.4999, -0.5, 0.49999999999999994, 1e16 + 1, -7.5, 1e300, Double.NaN)) {
        println("$x -> ${Math.round(x)}")
    }
    val r: Long = Math.round(12.5)
    println(r + 1)
    println(Math.round(99.5) / 10)

    println("== floor, ceil, pow")
    println(Math.floor(-2.5))
    println(Math.ceil(-2.5))
    println(Math.ceil(0.2))
    println(Math.pow(2.0, 10.0))
    println(Math.pow(1.1, 10.0))
    println(Math.pow(10.0, -2.0))
    println(Math.pow(-2.0, 3.0))
    println(Math.pow(0.0, -1.0))
    println(Math.pow(2.0, 1100.0))
    println(Math.pow(Double.NaN, 0.0))
    println(floor(3.7) + ceil(3.2))
    println(round(2.5))
    println(round(3.5))
    println(round(-2.5))
    println(max(3, 8) + min(3, 8))
    println(max(1.5, 0.5))
    println(3.0.pow(4))
    println(1.5.pow(2.0))
    println(2.0.pow(-3))
    println((1..5).map { c278Backoff(it) })
    println(2.5.roundToInt())
    println((-2.5).roundToInt())
    println(1e12.roundToInt())
    try {
        Double.NaN.roundToInt()
    } catch (e: IllegalArgumentException) {
        println(e)
    }

    println("== updateAndGet, getAndUpdate")
    val hits = AtomicInteger(0)
    println(hits.updateAndGet { it + 5 })
    println(hits.getAndUpdate { it * 2 })
    println(hits.get())
    val last = AtomicReference("none")
    println(last.updateAndGet { "$it+a" })
    println(last.getAndUpdate { it.length.toString() })
    println(last.get())
    val counter = AtomicInteger(0)
    val maxSeen = AtomicInteger(0)
    withContext(Dispatchers.Default) {
        repeat(8) { worker ->
            launch {
                repeat(250) { i ->
                    counter.updateAndGet { it + 1 }
                    maxSeen.updateAndGet { seen -> if (worker * 1000 + i > seen) worker * 1000 + i else seen }
                }
            }
        }
    }
    println(counter.get())
    println(maxSeen.get())
}
