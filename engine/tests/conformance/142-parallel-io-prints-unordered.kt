// Rule: Coroutines on Dispatchers.IO run in parallel on several threads, so the lines they print at the same moment come in any order.
// Compare: unordered
import kotlinx.coroutines.*

fun main() = runBlocking {
    val jobs = List(4) { i ->
        launch(Dispatchers.IO) {
            Thread.sleep(100)
            println("task $i ran on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}")
        }
    }
    jobs.joinAll()
    println("all done on ${Thread.currentThread().name}")
}
