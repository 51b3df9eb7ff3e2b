// Rule: A DEFAULT coroutine cancelled before it runs never runs its body; an ATOMIC one starts its body anyway, and its first suspension point then throws CancellationException.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val atomic = launch(start = CoroutineStart.ATOMIC) {
        println("atomic: body starts although it was cancelled before it ran")
        try {
            delay(100)
            println("atomic: never printed")
        } catch (e: CancellationException) {
            println("atomic: its first delay threw CancellationException")
        }
    }
    val normal = launch {
        println("default: never printed")
    }
    atomic.cancel()
    normal.cancel()
    println("main: cancelled both before they ran")
    joinAll(atomic, normal)
    println("main: atomic cancelled = ${atomic.isCancelled}, default cancelled = ${normal.isCancelled}")
}
