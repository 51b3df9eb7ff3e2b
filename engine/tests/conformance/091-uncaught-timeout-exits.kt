// Rule: A TimeoutCancellationException from withTimeout that nobody catches escapes runBlocking and main: exit code 1 and "Exception in thread "main" kotlinx.coroutines.TimeoutCancellationException: Timed out waiting for 130 ms".
import kotlinx.coroutines.*

fun main() = runBlocking {
    println("main: calling a slow service with a 130 ms budget")
    withTimeout(130) {
        delay(1000)
    }
    println("main: never printed")
}
