// Rule: launch(start = LAZY): nothing runs until start() or join(); join() starts it and waits.
import kotlinx.coroutines.*

// A LAZY coroutine does nothing until start(), join() or await(). start() returns true
// the first time and false after; join() and await() start it and wait for it.
fun main() = runBlocking {
    val warmup = launch(start = CoroutineStart.LAZY) {
        println("warmup: running")
        yield()
        println("warmup: finished")
    }
    yield()
    println("main: after a yield, warmup active = ${warmup.isActive} (nothing ran)")
    val first = warmup.start()
    val second = warmup.start()
    println("main: start() = $first, second start() = $second")
    println("main: warmup active = ${warmup.isActive}, its body has not run yet")
    yield()
    println("main: back after one yield, warmup completed = ${warmup.isCompleted}")
    warmup.join()
    println("main: warmup completed = ${warmup.isCompleted}")

    val lazyTotal = async(start = CoroutineStart.LAZY) {
        println("lazyTotal: computing (started by await)")
        40 + 2
    }
    println("main: lazyTotal not started, active = ${lazyTotal.isActive}")
    println("main: await = ${lazyTotal.await()}")

    val cleanup = launch(start = CoroutineStart.LAZY) { println("cleanup: started by join") }
    cleanup.join()
    println("main: cleanup joined")
}
