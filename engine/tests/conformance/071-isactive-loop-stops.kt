// Rule: isActive becomes false as soon as a coroutine is cancelled; a loop that swallows the CancellationException from yield() still stops when it checks isActive.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val worker = launch {
        var round = 0
        while (isActive) {
            println("worker: round $round")
            round++
            try {
                yield()
            } catch (e: CancellationException) {
                println("worker: yield threw CancellationException, swallowed")
            }
        }
        println("worker: loop ended after $round rounds, isActive = $isActive")
    }
    yield()
    yield()
    println("main: cancelling the worker")
    worker.cancel()
    worker.join()
    println("main: worker cancelled = ${worker.isCancelled}")
}
