// Rule: cancelChildren cancels only the children (the parent completes normally); invokeOnCompletion runs right after each child's finally; CompletableDeferred completes once; a Job-like parent passed to launch waits for its children once completed; suppressed exceptions come from failing finally blocks.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val parent = launch {
        repeat(3) { i ->
            val c = launch { try { delay(100L * (i + 1)) ; println("child $i done") } finally { println("child $i finally") } }
            c.invokeOnCompletion { cause -> println("child $i completed: ${if (cause == null) "ok" else "cancelled"}") }
        }
    }
    delay(150)
    println("children before: ${parent.children.count()}")
    parent.cancelChildren()
    parent.join()
    println("parent cancelled=${parent.isCancelled} children after: ${parent.children.count()}")
    val d = CompletableDeferred<Int>()
    val waiter = launch { println("waiter got ${d.await()}") }
    launch { delay(20); d.complete(7) }
    waiter.join()
    println("completed twice: ${d.complete(8)}")
    val job = CompletableDeferred<Unit>()
    val a = launch(job) { delay(10); println("a in job") }
    val b = launch(job) { delay(20); println("b in job") }
    job.complete(Unit)
    job.join()
    println("job completed=${job.isCompleted} a=${a.isCompleted} b=${b.isCompleted}")
    val res = runCatching {
        coroutineScope {
            launch { delay(10); error("first") }
            launch { try { delay(100) } finally { throw IllegalArgumentException("second") } }
        }
    }
    val e = res.exceptionOrNull()!!
    println("result: $e, suppressed=${e.suppressed.map { it.message }}")
    println("elapsed-free end")
}
