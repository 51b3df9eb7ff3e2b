// Rule: a root scope on SupervisorJob + handler: a failing child is reported with its CoroutineName and its own children finish first; a sibling survives; async failures stay in their Deferred; withTimeoutOrNull stops a loop; NonCancellable cleanup inside withTimeout; a cancelled scope starts nothing new.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { ctx, e -> println("handler: ${ctx[CoroutineName]?.name} $e ${e.suppressed.size}") }
    val scope = CoroutineScope(SupervisorJob() + handler + CoroutineName("root"))
    val a = scope.launch(CoroutineName("a")) {
        launch(CoroutineName("a1")) {
            try { delay(1000) } finally { println("a1 finally") }
        }
        delay(50)
        throw IllegalArgumentException("a broke")
    }
    val b = scope.launch(CoroutineName("b")) {
        delay(100)
        println("b survives")
    }
    joinAll(a, b)
    println("a=${a.isCancelled} b=${b.isCancelled} scope=${scope.coroutineContext[Job]!!.isActive}")
    val results = (1..3).map { i ->
        scope.async {
            if (i == 2) throw IllegalStateException("no $i")
            delay(10L * i)
            i * 10
        }
    }
    for (r in results) {
        try { println("got ${r.await()}") } catch (e: IllegalStateException) { println("await: ${e.message}") }
    }
    val t = withTimeoutOrNull(30) {
        repeat(10) { i -> delay(10); println("tick $i") }
        "finished"
    }
    println("t=$t")
    try {
        withTimeout(25) {
            try { delay(100) } finally { withContext(NonCancellable) { delay(10); println("cleanup done") } }
        }
    } catch (e: TimeoutCancellationException) {
        println("timeout: ${e.message}")
    }
    scope.coroutineContext.cancel()
    println("scope active after cancel: ${scope.coroutineContext[Job]!!.isActive}")
    val late = scope.launch { println("never") }
    late.join()
    println("late cancelled=${late.isCancelled}")
}
