// Rule: withContext with the same dispatcher runs inline (no dispatch on entry or exit).
import kotlinx.coroutines.*

// withContext with the same dispatcher runs its block in place: coroutines already in
// the queue do not run first, and only get a turn when the block really suspends.
fun main() = runBlocking {
    launch { println("queued coroutine A runs") }
    val r1 = withContext(CoroutineName("inline")) {
        println("withContext block 1 runs inline, before A")
        1
    }
    println("main: block 1 returned $r1, A has still not run")
    launch { println("queued coroutine B runs") }
    val r2 = withContext(coroutineContext) {
        println("withContext block 2 runs inline")
        yield()
        println("withContext block 2 resumes after its yield")
        2
    }
    println("main: block 2 returned $r2")
}
