// Rule: A coroutine cancelled with a CancellationException cause, which then throws a real exception, fails with the real one.
import kotlinx.coroutines.*

// An ATOMIC coroutine is cancelled (with a CancellationException cause) before it
// starts; its body still runs and throws a real exception, which becomes the result.
fun main() = runBlocking {
    val task = async(Job(), start = CoroutineStart.ATOMIC) {
        println("task: body starts even though it was cancelled first")
        throw IllegalStateException("task crashed")
    }
    task.cancel(CancellationException("user aborted"))
    println("main: cancelled before start, isCancelled = ${task.isCancelled}")
    try {
        task.await()
    } catch (e: CancellationException) {
        println("main: await threw CancellationException")
    } catch (e: IllegalStateException) {
        println("main: await threw $e")
    }
}
