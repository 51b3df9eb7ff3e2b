// Rule: An async body runs once; every await() returns the same stored value, and after completion the Deferred is completed and not active.
import kotlinx.coroutines.*

var c083Runs = 0

fun main() = runBlocking {
    val config = async {
        c083Runs++
        delay(100)
        "config v$c083Runs"
    }
    println("first await: ${config.await()}")
    println("second await: ${config.await()}")
    println("body ran $c083Runs time(s), isActive = ${config.isActive}, isCompleted = ${config.isCompleted}")
}
