// Rule: Dispatchers.Unconfined starts the coroutine at once in the caller's thread (main) and, after a delay, resumes it on the thread that fired the timer: kotlinx.coroutines.DefaultExecutor.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val job = launch(Dispatchers.Unconfined) {
        println("Unconfined before delay: ${Thread.currentThread().name}")
        delay(100)
        println("Unconfined after delay: ${Thread.currentThread().name}")
    }
    println("launch returned: ${Thread.currentThread().name}")
    job.join()
    println("end: ${Thread.currentThread().name}")
}
