// Rule: Job(parent) / SupervisorJob(parent): cancel() leaves the parent alone; completeExceptionally cancels it.
import kotlinx.coroutines.*

// A child Job that is cancelled leaves its parent alone; a child Job that fails
// cancels its parent. A SupervisorJob child behaves the same way towards its own parent.
fun main() = runBlocking {
    for (kind in listOf("Job", "SupervisorJob")) {
        for (ending in listOf("cancel()", "completeExceptionally(...)")) {
            val parent = Job()
            val child = if (kind == "Job") Job(parent) else SupervisorJob(parent)
            if (ending == "cancel()") child.cancel()
            else child.completeExceptionally(IllegalStateException("child failed"))
            println("$kind(parent).$ending: child cancelled = ${child.isCancelled}, parent cancelled = ${parent.isCancelled}")
        }
    }
}
