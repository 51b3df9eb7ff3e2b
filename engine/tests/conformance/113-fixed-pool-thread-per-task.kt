// Rule: Executors.newFixedThreadPool(n) starts a new thread pool-1-thread-K for each submitted task until it has n threads; later tasks wait in its queue and go to the first thread that becomes free.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    val pool = Executors.newFixedThreadPool(3).asCoroutineDispatcher()
    val sleeps = listOf(300, 600, 900, 500, 100)
    val tasks = List(5) { i ->
        async(pool) {
            val thread = Thread.currentThread().name
            Thread.sleep(sleeps[i].toLong())
            thread
        }
    }
    for (i in 0 until 5) {
        println("task $i (sleeps ${sleeps[i]} ms) ran on ${tasks[i].await()}")
    }
    pool.close()
}
