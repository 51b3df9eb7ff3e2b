// Rule: a withTimeout or withTimeoutOrNull block that never suspends keeps its value or its own exception even when its time ran out meanwhile (a blocking Thread.sleep is not interrupted), while one that suspends, or checks for cancellation with yield(), ends with the timeout.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val start = System.currentTimeMillis()
    val r = withTimeoutOrNull(100) { Thread.sleep(300); "blocked value" }
    println("r=$r after ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    val r2 = try { withTimeout(100) { Thread.sleep(300); "v" } } catch (e: TimeoutCancellationException) { "timeout" }
    println("r2=$r2")
    val r3 = try { withTimeout(100) { Thread.sleep(300); throw IllegalStateException("boom") } } catch (e: Exception) { e.toString() }
    println("r3=$r3")
    val r4 = withTimeoutOrNull(100) { Thread.sleep(300); yield(); "after yield" }
    println("r4=$r4")
    val r5 = withTimeoutOrNull(100) { delay(50); Thread.sleep(300); "suspended first" }
    println("r5=$r5")
    val r6 = withTimeoutOrNull(500) { Thread.sleep(100); "in time" }
    println("r6=$r6")
}
