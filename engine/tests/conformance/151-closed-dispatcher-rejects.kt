// Rule: a task dispatched to a closed executor dispatcher is rejected: kotlinx.coroutines cancels its job with CancellationException("The task was rejected") caused by a RejectedExecutionException and runs it on Dispatchers.IO, so a new launch never runs its body, withContext throws in the caller, an ATOMIC start and a resumed delay end their cancellation on a DefaultDispatcher worker, and a single-thread context still ends the delays scheduled before close() on its own thread.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun c151OnWorker() = Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")

fun main() = runBlocking {
    val pool = Executors.newFixedThreadPool(1).asCoroutineDispatcher()
    withContext(pool) { println("1 open pool runs on " + Thread.currentThread().name) }
    pool.close()

    val job = launch(pool) { println("never printed") }
    println("2 cancelled at once: ${job.isCancelled}")
    job.join()
    job.invokeOnCompletion { e -> println("3 cause: $e, caused by ${e?.cause?.javaClass?.name}") }

    try {
        withContext(pool) { println("never printed either") }
    } catch (e: CancellationException) {
        println("4 withContext threw: ${e.message}; caller still active: $isActive")
    }

    val atomic = launch(pool, start = CoroutineStart.ATOMIC) {
        println("5 ATOMIC body starts on a worker: ${c151OnWorker()}, active: $isActive")
        try {
            delay(100)
            println("never printed")
        } finally {
            println("6 its finally runs on a worker: ${c151OnWorker()}")
        }
    }
    atomic.join()

    val pool2 = Executors.newFixedThreadPool(1).asCoroutineDispatcher()
    val resumed = launch(pool2) {
        try {
            delay(300)
            println("never printed")
        } catch (e: CancellationException) {
            println("7 delay resumed after close() throws: ${e.message}, on a worker: ${c151OnWorker()}")
        }
    }
    delay(100)
    pool2.close()
    resumed.join()

    val db = newSingleThreadContext("db")
    val slow = launch(db) {
        try {
            delay(300)
            println("8 a delay scheduled before close() ends on " + Thread.currentThread().name)
            delay(100)
            println("never printed")
        } catch (e: CancellationException) {
            println("9 a delay after close() throws at once: ${e.message}, on " + Thread.currentThread().name)
        }
    }
    delay(100)
    db.close()
    slow.join()
    println("10 parent still active: $isActive")
}
