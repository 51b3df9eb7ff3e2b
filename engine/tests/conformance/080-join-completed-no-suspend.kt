// Rule: join() on a job that has already completed returns without suspending, so coroutines waiting in the queue do not get a turn.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val done = launch(start = CoroutineStart.UNDISPATCHED) {
        println("done: completes inside launch()")
    }
    launch {
        println("queued: runs only when main really suspends")
    }
    println("main: done completed = ${done.isCompleted}")
    done.join()
    println("main: join() returned at once")
    val ready = async(start = CoroutineStart.UNDISPATCHED) { 5 }
    println("main: await() of a completed Deferred gives ${ready.await()} at once")
    yield()
    println("main: after yield()")
}
