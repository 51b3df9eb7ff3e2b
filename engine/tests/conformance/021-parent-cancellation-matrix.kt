// Rule: Which builders cancel their parent when a grandchild fails (matrix).
import kotlinx.coroutines.*

// A grandchild launch fails inside different "middle" builders. Failure travels up
// through launch/async/Job(parent); scoped builders rethrow it instead; supervisors
// report it to the handler instead. A CancellationException travels up to nobody.
suspend fun CoroutineScope.c021Middle(kind: String, error: Throwable) {
    when (kind) {
        "launch" -> launch { launch { throw error } }
        "async" -> async { launch { throw error } }
        "Job(parent)" -> {
            val mid = Job(coroutineContext[Job])
            launch(mid) { throw error }.join()
            mid.cancel()
        }
        "SupervisorJob(parent)" -> {
            val mid = SupervisorJob(coroutineContext[Job])
            launch(mid) { throw error }.join()
            mid.cancel()
        }
        "coroutineScope" -> coroutineScope { launch { throw error } }
        "supervisorScope" -> supervisorScope { launch { throw error } }
        "withContext" -> withContext(CoroutineName("middle")) { launch { throw error } }
        "withTimeout" -> withTimeout(5000) { launch { throw error } }
    }
}

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("    handler got $e") }
    val kinds = listOf("launch", "async", "Job(parent)", "SupervisorJob(parent)",
        "coroutineScope", "supervisorScope", "withContext", "withTimeout")
    val errors = listOf(IllegalStateException("grandchild failed"), CancellationException("grandchild quit"))
    for (error in errors) {
        println(if (error is CancellationException) "grandchild throws CancellationException:" else "grandchild throws IllegalStateException:")
        for (kind in kinds) {
            println("  $kind")
            val owner = CompletableDeferred<Unit>() // This owner handles exceptions.
            val caller = CoroutineScope(coroutineContext + owner + handler).launch {
                try {
                    c021Middle(kind, error)
                    println("    $kind returned normally")
                } catch (e: IllegalStateException) {
                    if (e is CancellationException) throw e
                    println("    $kind rethrew $e")
                }
            }
            caller.join()
            println("    caller cancelled = ${caller.isCancelled}, owner cancelled = ${owner.isCancelled}")
        }
    }
}
