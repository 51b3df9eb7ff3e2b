// Rule: An exception thrown by the coroutineScope block itself cancels the children, then is rethrown.
import kotlinx.coroutines.*

// When the coroutineScope block itself throws, the scope cancels its children,
// waits for their finally blocks, and only then rethrows to the caller.
fun main() = runBlocking {
    try {
        coroutineScope {
            launch {
                try {
                    println("worker: waiting for input")
                    delay(Long.MAX_VALUE)
                } finally {
                    println("worker: cancelled, finally runs before the caller sees the error")
                }
            }
            delay(100)
            println("block: validation failed, throwing")
            throw IllegalArgumentException("quota exceeded")
        }
    } catch (e: IllegalArgumentException) {
        println("caller: caught $e")
    }
    yield()
    println("caller: still active = $isActive")
}
