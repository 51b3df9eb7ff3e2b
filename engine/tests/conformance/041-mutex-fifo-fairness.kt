// Rule: Waiters are resumed in FIFO order (Semaphore test; Mutex uses the same implementation).
import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

// Coroutines waiting for a Mutex get it in the order they started waiting; a
// coroutine that asks again later queues behind all of them.
fun main() = runBlocking {
    val counter = Mutex()
    counter.lock()
    for (name in listOf("Ann", "Bob", "Cid")) {
        launch {
            println("$name: queues for the lock")
            counter.withLock {
                println("$name: served")
            }
        }
    }
    yield()
    println("main: releasing, then queueing again behind everyone")
    counter.unlock()
    counter.withLock {
        println("main: served last")
    }
}
