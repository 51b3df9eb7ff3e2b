// Rule: withTimeout returns the block's value when it finishes in time; otherwise it throws TimeoutCancellationException (a CancellationException) with the message "Timed out waiting for N ms".
import kotlinx.coroutines.*

fun main() = runBlocking {
    val fast = withTimeout(300) {
        delay(100)
        "fast result"
    }
    println("fast block returned '$fast'")
    try {
        withTimeout(130) {
            println("slow block: started")
            delay(1000)
            println("slow block: never printed")
        }
    } catch (e: TimeoutCancellationException) {
        println("message: ${e.message}")
        println("toString: $e")
        println("is a CancellationException: ${e is CancellationException}")
    }
    println("main: still active = $isActive")
}
