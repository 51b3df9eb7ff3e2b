// Rule: An Unconfined coroutine resumes in the thread that resumes it: completing a CompletableDeferred on thread completer runs the waiter there, inside complete().
import kotlinx.coroutines.*

fun main() = runBlocking {
    val completer = newSingleThreadContext("completer")
    val signal = CompletableDeferred<String>()
    val waiter = launch(Dispatchers.Unconfined) {
        println("waiting on: ${Thread.currentThread().name}")
        val value = signal.await()
        println("resumed with $value on: ${Thread.currentThread().name}")
    }
    withContext(completer) {
        println("completing on: ${Thread.currentThread().name}")
        signal.complete("ready")
        println("complete() returned on: ${Thread.currentThread().name}")
    }
    waiter.join()
    println("end: ${Thread.currentThread().name}")
    completer.close()
}
