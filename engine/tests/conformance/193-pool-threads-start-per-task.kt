// Rule: a fixed thread pool below its size starts a new thread for each task it is given, which runs that task, even while the threads it started before are idle, so three tasks given at once run on three threads.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    val pool = Executors.newFixedThreadPool(3).asCoroutineDispatcher()
    repeat(3) { i ->
        val name = withContext(pool) { Thread.currentThread().name }
        println("task $i ran on $name")
    }
    val names = List(3) { i -> async(pool) { Thread.sleep(100); Thread.currentThread().name } }.awaitAll()
    println("three at once ran on ${names.toSet().size} threads")
    pool.close()
}
