// Rule: A child launched without a dispatcher inherits its parent's dispatcher (db thread, Default worker, main); one given a dispatcher runs there instead.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val db = newSingleThreadContext("db")
    launch(db) {
        println("parent: ${Thread.currentThread().name}")
        launch { println("child without dispatcher: ${Thread.currentThread().name}") }.join()
        launch(Dispatchers.Default) {
            println("child with Default on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}")
            launch { println("grandchild on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}") }.join()
        }.join()
        withContext(Dispatchers.Default) {
            launch { println("child in withContext(Default) on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")}") }
        }
        println("parent again: ${Thread.currentThread().name}")
    }.join()
    launch { println("runBlocking child: ${Thread.currentThread().name}") }.join()
    db.close()
}
