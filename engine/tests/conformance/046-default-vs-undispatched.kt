// Rule: CoroutineStart.DEFAULT queues the new coroutine; UNDISPATCHED runs it inline until its first suspension.
import kotlinx.coroutines.*

// DEFAULT queues the new coroutine and the caller goes on; UNDISPATCHED runs its body
// inside launch()/async() up to the first suspension. An UNDISPATCHED async that never
// suspends is already complete when async() returns.
fun main() = runBlocking {
    println("main: launching with DEFAULT")
    val queued = launch {
        println("DEFAULT child: starts only when main suspends")
    }
    println("main: launch returned, DEFAULT child active = ${queued.isActive}")
    println("main: launching with UNDISPATCHED")
    val eager = launch(start = CoroutineStart.UNDISPATCHED) {
        println("UNDISPATCHED child: runs inside launch()")
        yield()
        println("UNDISPATCHED child: resumed later from the queue")
    }
    println("main: launch returned, UNDISPATCHED child active = ${eager.isActive}")
    val ready = async(start = CoroutineStart.UNDISPATCHED) {
        println("UNDISPATCHED async: computes 7 inline")
        7
    }
    println("main: async returned, completed = ${ready.isCompleted}")
    println("main: await = ${ready.await()} without suspending")
    joinAll(queued, eager)
    println("main: done")
}
