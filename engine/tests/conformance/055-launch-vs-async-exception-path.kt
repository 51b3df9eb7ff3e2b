// Rule: Under a SupervisorJob a failed launch reports to the CoroutineExceptionHandler at once, while a failed async never does: its exception waits in the Deferred until await().
import kotlinx.coroutines.*

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val scope = CoroutineScope(coroutineContext + SupervisorJob() + handler)
    val fireAndForget = scope.launch {
        println("launch: failing")
        throw IllegalStateException("from launch")
    }
    val result = scope.async<Int> {
        println("async: failing")
        throw IllegalArgumentException("from async")
    }
    joinAll(fireAndForget, result)
    println("main: both joined, launch cancelled = ${fireAndForget.isCancelled}, async cancelled = ${result.isCancelled}")
    try {
        result.await()
    } catch (e: IllegalArgumentException) {
        println("main: await threw $e")
    }
    println("main: done")
}
