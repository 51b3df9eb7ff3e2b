// Review: a blocking lock under load, or a Mutex?
import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

val lockKind = "synchronized" // @param one of "synchronized", "Mutex" "Lock"
val holders = 4 // @param 1..8 "Coroutines refreshing the cache"

val lock = Any()
val mutex = Mutex()
var cache = 0L

// Reads the cache file again: 10 ms of blocking IO, done while holding the lock.
fun rebuild(): Long {
    Thread.sleep(10)
    return System.currentTimeMillis()
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
    delay(2)
    val arrived = System.currentTimeMillis()
    launch(Dispatchers.Default + CoroutineName("request")) {
        println("request answered in ${System.currentTimeMillis() - arrived} ms")
    }.join()
    refreshers.joinAll()
}
