// Rule: A LAZY coroutine is New (not active, not completed, not cancelled) until start(); it is then Active until its body ends, and a LAZY job cancelled while New goes straight to Cancelled.
import kotlinx.coroutines.*

fun c048Flags(j: Job) = "isActive=${j.isActive} isCompleted=${j.isCompleted} isCancelled=${j.isCancelled}"

fun main() = runBlocking {
    val job = launch(start = CoroutineStart.LAZY) {
        println("job: body runs")
        delay(300)
        println("job: body ends")
    }
    yield()
    println("New:          ${c048Flags(job)}")
    job.start()
    println("Active:       ${c048Flags(job)} (queued, body not run yet)")
    delay(100)
    println("Active:       ${c048Flags(job)} (suspended in delay)")
    job.join()
    println("Completed:    ${c048Flags(job)}")

    val never = launch(start = CoroutineStart.LAZY) { println("never: body runs (never printed)") }
    println("New:          ${c048Flags(never)}")
    never.cancel()
    println("Cancelled:    ${c048Flags(never)} (cancelled while New)")
    println("start() after cancel returned ${never.start()}")
}
