// Rule: Catching an async's exception at await() does not save its parent.
import kotlinx.coroutines.*

// Catching a child async's exception at await() does not save the parent: the child
// cancelled the parent when it failed, so the parent's fallback value is discarded.
fun main() = runBlocking {
    val report = async(Job()) { // It has its own Job, so this failure cannot reach main.
        val part = async<Int> {
            println("part: failing")
            throw IllegalStateException("source offline")
        }
        val value = try {
            part.await()
        } catch (e: IllegalStateException) {
            println("report: caught $e at await, using a fallback")
            -1
        }
        println("report: returning $value, but active = $isActive")
        value
    }
    try {
        println("main: report = ${report.await()}")
    } catch (e: IllegalStateException) {
        println("main: report failed with $e")
    }
    println("main: still active = $isActive")
}
