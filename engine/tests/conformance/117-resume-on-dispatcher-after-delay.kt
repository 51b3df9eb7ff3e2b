// Rule: After delay() a coroutine resumes on its own dispatcher's thread: a single-thread context's thread, a Default worker, or main for runBlocking's children.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val worker = newSingleThreadContext("worker")
    launch(worker) {
        println("worker before delay: ${Thread.currentThread().name}")
        delay(100)
        println("worker after delay: ${Thread.currentThread().name}")
    }.join()
    launch(Dispatchers.Default) {
        delay(100)
        println("Default after delay on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}")
    }.join()
    launch {
        delay(100)
        println("runBlocking child after delay: ${Thread.currentThread().name}")
    }.join()
    worker.close()
}
