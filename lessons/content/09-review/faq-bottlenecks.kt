// Review: a blocking lock under load, or a Mutex?
import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

val lockKind = "synchronized" // @param one of "synchronized", "Mutex" "Lock"
val holders = 4 // @param 1..8 "Coroutines refreshing the cache"

val lock = Any()
val mutex = Mutex()
var cache = 0L

// About 20 ms of CPU work, done while holding the lock.
fun rebuild(): Long {
    var x = 0L
    for (i in 0 until 10_000) {
        x += i % 7
    }
    return x
}

suspend fun refreshCache() {
    if (lockKind == "Mutex") {
        mutex.withLock { cache = rebuild() }
    } else {
        synchronized(lock) { cache = rebuild() }
    }
}

fun main() = runBlocking {
    val refreshers = List(holders) { i ->
        launch(Dispatchers.Default + CoroutineName("refresh-$i")) { refreshCache() }
    }
    delay(5)
    val arrived = System.currentTimeMillis()
    launch(Dispatchers.Default + CoroutineName("request")) {
        println("request answered in ${System.currentTimeMillis() - arrived} ms")
    }.join()
    refreshers.joinAll()
}
