// Rule: coroutineScope returns its block's value after its children; awaitAll keeps the list's order, not the finishing order; launches in a loop capture each loop value; children started by launch run only when the parent suspends (yield); withTimeoutOrNull gives null for a loop that runs too long; withTimeout stops a repeat loop between ticks with "Timed out waiting for N ms"; a job's isActive/isCompleted/isCancelled after cancel and join; a LAZY launch runs on start(); invokeOnCompletion sees a failed child's exception before the failure ends main.
import kotlinx.coroutines.*
fun main() = runBlocking {
    val r = coroutineScope {
        val a = async { delay(300); 1 }
        val b = async { delay(100); 2 }
        a.await() + b.await()
    }
    println("1 $r")
    val list = (1..5).map { i -> async { delay((6 - i) * 100L); i * i } }
    println("2 ${list.awaitAll()}")
    for (i in 1..3) {
        launch { delay(i * 100L); println("3 launched $i") }
    }
    var shared = 0
    repeat(3) { idx -> launch { shared += idx; println("4 idx=$idx shared=$shared") } }
    println("5 before yield shared=$shared")
    yield()
    println("6 after yield shared=$shared")
    delay(1000)
    val res = withTimeoutOrNull(550) {
        var k = 0
        while (true) { delay(100); k++; if (k > 100) break }
        "never"
    }
    println("7 $res")
    try {
        withTimeout(500) {
            repeat(10) { j -> delay(200); println("8 tick $j") }
        }
    } catch (e: TimeoutCancellationException) {
        println("9 ${e.message}")
    }
    val job = launch { delay(1000) }
    println("10 ${job.isActive} ${job.isCompleted} ${job.isCancelled}")
    job.cancel()
    println("11 ${job.isActive} ${job.isCompleted} ${job.isCancelled}")
    job.join()
    println("12 ${job.isActive} ${job.isCompleted} ${job.isCancelled}")
    val lazyJob = launch(start = CoroutineStart.LAZY) { println("13 lazy ran") }
    println("14 ${lazyJob.isActive} ${lazyJob.isCompleted}")
    lazyJob.start()
    println("15 ${lazyJob.isActive}")
    lazyJob.join()
    println("16 ${lazyJob.isCompleted}")
    val j2 = launch { delay(100); throw IllegalStateException("x") }
    j2.invokeOnCompletion { c -> println("17 completion cause=$c") }
    println("18 end")
}
