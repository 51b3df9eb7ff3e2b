// Rule: async(Job()): the failure is detached from the caller and is reported nowhere if not awaited.
import kotlinx.coroutines.*
import java.io.IOException

// async(Job()) is detached from the caller. Its failure cancels only that Job, join()
// does not throw, async never calls a CoroutineExceptionHandler, and since nobody
// awaits, the exception is reported nowhere.
fun main() = runBlocking(CoroutineExceptionHandler { _, e -> println("handler: $e (never printed)") }) {
    val island = Job()
    val orphan = async(island) {
        println("orphan: failing")
        throw IOException("nobody listens")
    }
    orphan.join()
    println("main: join returned normally, orphan cancelled = ${orphan.isCancelled}")
    println("main: island job cancelled = ${island.isCancelled}, main active = $isActive")
}
