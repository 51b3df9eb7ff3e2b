// Rule: newFixedThreadPoolContext(2, "x") names its threads x-1 and x-2, each started when a task arrives and no thread is free; with one thread the name is just "solo".
import kotlinx.coroutines.*

fun main() = runBlocking {
    val x = newFixedThreadPoolContext(2, "x")
    val a = async(x) {
        Thread.sleep(500)
        Thread.currentThread().name
    }
    delay(100)
    val b = async(x) { Thread.currentThread().name }
    println("first task: ${a.await()}")
    println("second task, while the first was busy: ${b.await()}")
    val solo = newFixedThreadPoolContext(1, "solo")
    println("one-thread pool: ${withContext(solo) { Thread.currentThread().name }}")
    x.close()
    solo.close()
}
