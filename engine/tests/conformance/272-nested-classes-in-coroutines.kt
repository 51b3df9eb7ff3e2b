// Rule: Nested classes work in coroutines as top-level ones do: a nested worker's suspend function runs in launched children and writes to its outer class's companion, a CoroutineExceptionHandler prints a nested exception under its JVM name, and supervisorScope keeps the failed worker's sibling running.
import kotlinx.coroutines.*

class N272Service {
    companion object {
        val log = mutableListOf<String>()
    }

    class Crash(val worker: String) : RuntimeException("$worker crashed")

    class Worker(val name: String, val failAt: Int) {
        suspend fun work(steps: Int): Int {
            for (i in 1..steps) {
                delay(10)
                if (i == failAt) throw Crash(name)
                log.add("$name:$i")
            }
            return steps
        }
    }
}

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("1 handler got $e") }
    supervisorScope {
        val a = launch(handler) { N272Service.Worker("a", 2).work(3) }
        val b = launch(handler) { println("2 b did " + N272Service.Worker("b", 0).work(3)) }
        a.join()
        println("3 a cancelled: " + a.isCancelled + ", b active: " + b.isActive)
        b.join()
    }
    println("4 " + N272Service.log)
    val total = coroutineScope {
        val workers = listOf(N272Service.Worker("c", 0), N272Service.Worker("d", 0))
        workers.map { w -> async { w.work(2) } }.awaitAll().sum()
    }
    println("5 $total " + N272Service.log.size)
}
