// Rule: ensureActive() does nothing in an active coroutine and throws CancellationException in a cancelled one, even where nothing suspends.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val job = launch {
        ensureActive()
        println("job: ensureActive() passed while active")
        coroutineContext.cancel()
        println("job: cancelled itself, code still runs, isActive = $isActive")
        try {
            ensureActive()
            println("job: never printed")
        } catch (e: CancellationException) {
            println("job: ensureActive() threw CancellationException")
        }
    }
    job.join()
    println("main: job cancelled = ${job.isCancelled}")
}
