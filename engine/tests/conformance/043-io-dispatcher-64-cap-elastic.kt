// Rule: Dispatchers.IO runs at most 64 tasks at once; IO.limitedParallelism views are elastic (outside the 64).
import kotlinx.coroutines.*

// Dispatchers.IO runs at most 64 tasks at once (on machines with at most 64 cores).
// A view made by Dispatchers.IO.limitedParallelism(n) is not counted against those 64,
// and Dispatchers.Default is not starved while IO is full.
fun main() = runBlocking {
    val release = Job()
    val ioStarted = List(65) { Job() }
    val ioTasks = List(65) { i ->
        launch(Dispatchers.IO) {
            ioStarted[i].complete()
            runBlocking { release.join() } // This holds the IO thread until the release.
        }
    }
    withTimeout(10_000) {
        while (ioStarted.count { it.isCompleted } < 64) delay(10)
    }
    delay(500)
    println("Dispatchers.IO: ${ioStarted.count { it.isCompleted }} of 65 blocking tasks running, the rest wait")

    val view = Dispatchers.IO.limitedParallelism(64)
    val viewStarted = List(64) { Job() }
    val viewTasks = List(64) { i ->
        launch(view) {
            viewStarted[i].complete()
            runBlocking { release.join() }
        }
    }
    withTimeout(10_000) { viewStarted.joinAll() }
    println("IO.limitedParallelism(64): all 64 of its blocking tasks run while IO is full")

    withTimeout(10_000) {
        withContext(Dispatchers.Default) { println("Dispatchers.Default: still runs while IO is full") }
    }
    println("Dispatchers.IO: still ${ioStarted.count { it.isCompleted }} of 65 started")

    release.complete()
    (ioTasks + viewTasks).joinAll()
    println("after release: all ${ioTasks.size + viewTasks.size} tasks finished, ${ioStarted.count { it.isCompleted }} IO tasks ran")
}
