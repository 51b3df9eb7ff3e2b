// Rule: inside with(scope) { }, scope.run { } and scope.apply { }, launch and async start children of that scope, the nearest receiver; when the receiver is not a CoroutineScope they start children of the enclosing one, and with(job) { cancel() } cancels the job.
import kotlinx.coroutines.*

class C316Service(base: kotlin.coroutines.CoroutineContext) : CoroutineScope {
    override val coroutineContext = base + CoroutineName("service")
}

fun main() = runBlocking<Unit> {
    val outer = coroutineContext[Job]!!
    val job = Job(outer)
    val scope = CoroutineScope(coroutineContext + job + CoroutineName("svc"))
    with(scope) {
        launch { delay(100); println("with: ${coroutineContext[CoroutineName]?.name}") }
    }
    scope.run {
        launch { delay(200); println("run: ${coroutineContext[CoroutineName]?.name}") }
    }
    scope.apply {
        launch { delay(300); println("apply: ${coroutineContext[CoroutineName]?.name}") }
    }
    val answer = with(scope) { async { delay(5); 42 } }
    println("children of job: ${job.children.count()}")
    println("children of main: ${outer.children.count()}")
    with("not a scope") {
        launch { println("plain receiver: $length ${coroutineContext[CoroutineName]?.name}") }
    }
    println("children of main: ${outer.children.count()}")
    println("answer: ${answer.await()}")

    val service = C316Service(coroutineContext + job)
    with(service) {
        launch { println("service: ${coroutineContext[CoroutineName]?.name}") }
    }
    println("children of job: ${job.children.count()}")

    val worker = Job(outer)
    with(worker) { cancel() }
    println("worker cancelled: ${worker.isCancelled}, main active: ${outer.isActive}")
    job.children.forEach { it.join() }
    job.cancel()
    job.join()
    println("done")
}
