// Rule: A coroutine cancelled before it starts never runs its body (DEFAULT and LAZY).
import kotlinx.coroutines.*

// A queued (DEFAULT) coroutine cancelled before it runs never runs its body. A LAZY
// coroutine cancelled before start() goes straight to Cancelled: start() then returns
// false and await() throws CancellationException.
fun main() = runBlocking {
    val jobs = List(3) { i -> launch { println("job $i: body runs") } }
    jobs[1].cancel()
    println("main: cancelled job 1 while it was still queued")
    jobs.joinAll()
    println("main: job 1 completed = ${jobs[1].isCompleted}, cancelled = ${jobs[1].isCancelled}")

    val report = async(start = CoroutineStart.LAZY) {
        println("report: body runs (never printed)")
        "report"
    }
    println("report before cancel: active = ${report.isActive}, completed = ${report.isCompleted}")
    report.cancel()
    println("report after cancel: active = ${report.isActive}, completed = ${report.isCompleted}, cancelled = ${report.isCancelled}")
    println("report.start() returned ${report.start()}")
    try {
        report.await()
    } catch (e: CancellationException) {
        println("report.await() threw CancellationException")
    }
    println("main: done")
}
