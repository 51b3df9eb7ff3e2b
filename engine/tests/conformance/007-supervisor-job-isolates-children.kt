// Rule: SupervisorJob: children fail on their own; each failure goes to the CoroutineExceptionHandler.
import kotlinx.coroutines.*

// Children of a SupervisorJob fail on their own: each failure goes to the
// CoroutineExceptionHandler, and neither the supervisor nor the other children are cancelled.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val supervisor = SupervisorJob()
    val jobs = CoroutineScope(coroutineContext + supervisor + handler)
    val a = jobs.launch {
        delay(200)
        throw IllegalStateException("A broke")
    }
    val b = jobs.launch {
        delay(100)
        throw IllegalArgumentException("B broke")
    }
    val c = jobs.launch {
        delay(300)
        println("C: finished normally after both failures")
    }
    joinAll(a, b, c)
    println("a cancelled = ${a.isCancelled}, b cancelled = ${b.isCancelled}, c cancelled = ${c.isCancelled}")
    println("supervisor cancelled = ${supervisor.isCancelled}, completed = ${supervisor.isCompleted}")
}
