// Rule: withContext(dispatcher) runs its block on that dispatcher's thread and returns the block's value; the caller then continues on its own thread (main).
import kotlinx.coroutines.*

fun main() = runBlocking {
    println("before: ${Thread.currentThread().name}")
    val result = withContext(Dispatchers.Default) {
        println("inside withContext(Default) on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}")
        21 * 2
    }
    println("result: $result")
    println("after withContext(Default): ${Thread.currentThread().name}")
    val db = newSingleThreadContext("db")
    val rows = withContext(db) { "rows read on ${Thread.currentThread().name}" }
    println(rows)
    println("after withContext(db): ${Thread.currentThread().name}")
    db.close()
}
