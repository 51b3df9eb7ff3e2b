// Rule: in supervisorScope a failed awaitAll leaves the other Deferred running and awaitable; a job is active until its child finishes and invokeOnCompletion runs after it; withContext(coroutineContext) returns its value; coroutineScope's value comes after its children; NonCancellable and GlobalScope launches can be joined; withTimeoutOrNull gives null; three parallel delays of 100 ms take one round; the first failing async of coroutineScope is the exception thrown, with the second never added as suppressed.
import kotlinx.coroutines.*
fun main() = runBlocking {
    supervisorScope {
        val d = async { delay(100); throw IllegalStateException("d failed") }
        val e = async { delay(500); "e" }
        try { awaitAll(d, e) } catch (x: IllegalStateException) { println("1 $x ${e.isCancelled} ${e.isActive}") }
        println("2 ${e.await()}")
    }
    val job = launch {
        launch { delay(200); println("3 grandchild done") }
        println("4 child body done")
    }
    job.invokeOnCompletion { println("5 job complete") }
    println("6 ${job.isActive}")
    delay(50)
    println("7 ${job.isActive} ${job.isCompleted}")
    job.join()
    val r = withContext(coroutineContext) { "same ctx" }
    println("8 $r")
    val res = coroutineScope { launch { delay(100) }; 99 }
    println("9 $res")
    val nc = launch(NonCancellable) { delay(100); println("10 nc") }
    nc.join()
    val x = GlobalScope.launch { delay(100); println("11 global") }
    x.join()
    val timeoutValue = withTimeoutOrNull(300) { repeat(5) { delay(200) }; "finished" }
    println("12 $timeoutValue")
    yield()
    val t1 = System.currentTimeMillis()
    coroutineScope { repeat(3) { launch { delay(100) } } }
    println("13 ${(System.currentTimeMillis() - t1) / 100 * 100}")
    try {
        coroutineScope {
            val a = async<Int> { throw ArithmeticException("a") }
            val b = async<Int> { throw IllegalArgumentException("b") }
            a.await() + b.await()
        }
    } catch (ex: Exception) { println("14 $ex suppressed=${ex.suppressed.size}") }
    println("15 end")
}
