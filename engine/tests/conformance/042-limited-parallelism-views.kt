// Rule: limitedParallelism views are independent; a view limits parallelism, not concurrency.
import kotlinx.coroutines.*

// limitedParallelism(n) needs n >= 1. Views are independent: a busy loop on one view
// of a single thread cannot starve another view of that thread. A view limits threads,
// not coroutines: with n = 1, coroutines still interleave at suspension points.
fun main() = runBlocking {
    for (n in listOf(0, -1, Int.MAX_VALUE)) {
        try {
            Dispatchers.Default.limitedParallelism(n)
            println("limitedParallelism($n): accepted")
        } catch (e: IllegalArgumentException) {
            println("limitedParallelism($n): IllegalArgumentException")
        }
    }

    val single = newSingleThreadContext("shared")
    val viewA = single.limitedParallelism(1)
    val viewB = single.limitedParallelism(1)
    val spinnerStarted = Job()
    val spinner = launch(viewA) {
        try {
            spinnerStarted.complete()
            while (true) yield()
        } finally {
            println("spinner: cancelled at its yield()")
        }
    }
    spinnerStarted.join()
    println("main: the spinner loops on view A")
    val stopper = launch(viewB) {
        println("stopper: runs on view B of the same thread and cancels the spinner")
        spinner.cancel()
    }
    joinAll(spinner, stopper)
    single.close()

    val oneAtATime = Dispatchers.Default.limitedParallelism(1)
    val gate = Job()
    val guests = List(3) { i ->
        launch(oneAtATime) {
            println("guest $i: entering")
            if (i == 2) gate.complete()
            gate.join()
            println("guest $i: leaving")
        }
    }
    guests.joinAll()
}
