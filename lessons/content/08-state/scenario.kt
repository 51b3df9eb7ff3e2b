// Lesson 8, shared state under load: protect the counter, but don't block the pool's threads.
import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

val strategy = "unprotected" // @param one of "unprotected", "synchronized", "Mutex", "limitedParallelism(1)" "Protection"
val coroutines = 50 // @param 10..100 step 10 "Coroutines"
val increments = 50 // @param 10..100 step 10 "Increments per coroutine"

val lock = Any()
val mutex = Mutex()

// High-performance state confinement
val stateDispatcher = Dispatchers.Default.limitedParallelism(1)
var sharedCounter = 0

suspend fun safeIncrement() = withContext(stateDispatcher) {
    sharedCounter++ // No locks needed, pure speed
}

suspend fun increment() {
    when (strategy) {
        "synchronized" -> synchronized(lock) { sharedCounter++ }
        "Mutex" -> mutex.withLock { sharedCounter++ }
        "limitedParallelism(1)" -> safeIncrement()
        else -> sharedCounter++
    }
}

fun main() = runBlocking {
    val jobs = List(coroutines) { i ->
        launch(Dispatchers.Default + CoroutineName("worker-$i")) {
            repeat(increments) { increment() }
        }
    }
    jobs.joinAll()
    val expected = coroutines * increments
    println("counter = $sharedCounter, expected $expected")
    println("lost updates: ${expected - sharedCounter}")
}
