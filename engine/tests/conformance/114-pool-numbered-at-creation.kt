// Rule: Executors thread pools are numbered per process in creation order (pool-1, pool-2, ...) when newFixedThreadPool is called, not when first used; a pool below its size starts a new thread even when one is idle.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

fun main() = runBlocking {
    val first = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    val second = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    println("second pool, first task: ${withContext(second) { Thread.currentThread().name }}")
    println("first pool, first task: ${withContext(first) { Thread.currentThread().name }}")
    println("second pool, second task: ${withContext(second) { Thread.currentThread().name }}")
    val third = Executors.newFixedThreadPool(1).asCoroutineDispatcher()
    println("third pool: ${withContext(third) { Thread.currentThread().name }}")
    first.close()
    second.close()
    third.close()
}
