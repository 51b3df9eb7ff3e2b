// Rule: A scope built on SupervisorJob() plus a handler survives a failing child: the handler reports it, the other children go on, and new coroutines can still be launched until the SupervisorJob is cancelled.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val appJob = SupervisorJob()
    val app = CoroutineScope(coroutineContext + appJob + handler)
    val r1 = app.launch {
        delay(100)
        println("request 1: failing")
        throw IllegalStateException("request 1 failed")
    }
    val r2 = app.launch {
        delay(200)
        println("request 2: served")
    }
    joinAll(r1, r2)
    println("main: appJob active = ${appJob.isActive}")
    val r3 = app.launch { println("request 3: served after the failure") }
    r3.join()
    println("main: appJob children = ${appJob.children.count()}")
    appJob.cancel()
    println("main: appJob cancelled = ${appJob.isCancelled}")
    val r4 = app.launch { println("request 4: never runs") }
    r4.join()
    println("main: request 4 cancelled = ${r4.isCancelled}")
}
