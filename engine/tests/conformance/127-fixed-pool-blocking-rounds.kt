// Rule: A fixed pool of n threads runs m blocking tasks of t ms in ceil(m / n) rounds of t ms: 5 tasks of 300 ms take 3 rounds on 2 threads, 2 on 3 threads and 1 on 5.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

suspend fun c127Run(threads: Int, tasks: Int) {
    val pool = Executors.newFixedThreadPool(threads).asCoroutineDispatcher()
    val start = System.currentTimeMillis()
    coroutineScope {
        repeat(tasks) { launch(pool) { Thread.sleep(300) } }
    }
    println("$tasks tasks of 300 ms on $threads threads: ${(System.currentTimeMillis() - start) / 300} round(s) of 300 ms")
    pool.close()
}

fun main() = runBlocking {
    launch(Dispatchers.Default) { }.join() // warm-up: the JVM loads what launch needs before any timing
    c127Run(2, 5)
    c127Run(3, 5)
    c127Run(5, 5)
}
