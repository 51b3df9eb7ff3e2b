// Rule: joinAll waits for every job; awaitAll returns the results in list order, and throws the first failure as soon as it happens without waiting for the others.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val jobs = List(3) { i ->
        launch {
            delay(100L * (3 - i))
            println("job $i: done")
        }
    }
    jobs.joinAll()
    println("main: joinAll returned")
    val results = List(3) { i ->
        async {
            delay(100L * (3 - i))
            i * 10
        }
    }.awaitAll()
    println("main: awaitAll returned $results")

    supervisorScope {
        val start = System.currentTimeMillis()
        val slow = async {
            delay(300)
            1
        }
        val failing = async<Int> {
            delay(100)
            throw IllegalStateException("second failed")
        }
        try {
            listOf(slow, failing).awaitAll()
        } catch (e: IllegalStateException) {
            println("main: awaitAll threw $e after ${(System.currentTimeMillis() - start) / 100 * 100} ms")
        }
        println("main: slow still gives ${slow.await()}")
    }
}
