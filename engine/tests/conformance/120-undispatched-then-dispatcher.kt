// Rule: launch(Dispatchers.Default, start = CoroutineStart.UNDISPATCHED) runs in the caller's thread (main) until its first suspension, then resumes on a Default worker.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val job = launch(Dispatchers.Default, start = CoroutineStart.UNDISPATCHED) {
        println("until the first suspension: ${Thread.currentThread().name}")
        delay(100)
        println("after delay on a Default worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}")
    }
    println("launch returned: ${Thread.currentThread().name}")
    job.join()
    println("done")
}
