// Rule: coroutineScope returns only after all its children complete.
import kotlinx.coroutines.*

// coroutineScope runs its block at once (no dispatch), then waits for every
// child and grandchild before it returns the block's value.
fun main() = runBlocking {
    launch { println("main's own child: runs only once main suspends") }
    println("main: calling coroutineScope")
    val total = coroutineScope {
        println("scope: block runs inline, before main's queued child")
        launch {
            delay(100)
            println("child A: done after 100 ms")
        }
        launch {
            launch {
                delay(200)
                println("grandchild: done after 200 ms")
            }
            println("child B: body ends, its own child is still running")
        }
        println("scope: block finished, value 42 is ready")
        42
    }
    println("main: coroutineScope returned $total")
    yield()
    println("main: still active = $isActive")
}
