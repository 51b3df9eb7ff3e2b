// Rule: An UNDISPATCHED launch runs its body inside launch() up to its first suspension; after that it is resumed from the event loop like any other coroutine.
import kotlinx.coroutines.*

fun main() = runBlocking {
    println("main: before launch")
    val eager = launch(start = CoroutineStart.UNDISPATCHED) {
        println("eager: step 1, inside launch()")
        delay(100)
        println("eager: step 2, resumed by the event loop")
    }
    println("main: launch returned")
    val queued = launch {
        println("queued: default start, runs when main suspends")
    }
    println("main: joining")
    joinAll(eager, queued)
    println("main: done")
}
