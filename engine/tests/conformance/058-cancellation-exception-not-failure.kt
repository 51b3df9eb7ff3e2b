// Rule: A child that throws CancellationException is cancelled, not failed: its siblings and its coroutineScope carry on, and await() on such an async throws that CancellationException.
import kotlinx.coroutines.*

fun main() = runBlocking {
    lateinit var quitter: Job
    val result = coroutineScope {
        quitter = launch {
            delay(100)
            println("quitter: throwing CancellationException")
            throw CancellationException("not needed any more")
        }
        launch {
            delay(200)
            println("worker: finished, not cancelled")
        }
        val skipped = async<Int> { throw CancellationException("skipped") }
        try {
            skipped.await()
        } catch (e: CancellationException) {
            println("scope: await threw CancellationException '${e.message}'")
        }
        "scope result"
    }
    println("main: coroutineScope returned '$result', quitter cancelled = ${quitter.isCancelled}, main active = $isActive")
}
