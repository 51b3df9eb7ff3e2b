// The article's state-confinement sample, called from many coroutines at once.
import kotlinx.coroutines.*

// High-performance state confinement
val stateDispatcher = Dispatchers.Default.limitedParallelism(1)
var sharedCounter = 0
suspend fun safeIncrement() = withContext(stateDispatcher) {
    sharedCounter++ // No locks needed, pure speed
}

fun main() = runBlocking {
    List(100) { launch(Dispatchers.Default) { safeIncrement() } }.joinAll()
    println(sharedCounter)
}
