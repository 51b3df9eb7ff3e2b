// Rule: A cancelled child (even under a SupervisorJob) never reaches the CoroutineExceptionHandler.
import kotlinx.coroutines.*

// A child that ends with a CancellationException is never reported to the handler,
// even under a SupervisorJob where a real failure would be reported.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val supervisor = SupervisorJob()
    val idle = launch(supervisor + handler) {
        try {
            delay(Long.MAX_VALUE)
        } finally {
            println("idle: cancelled, finally runs")
        }
    }
    val quitter = launch(supervisor + handler) {
        println("quitter: throwing CancellationException")
        throw CancellationException("quitting quietly")
    }
    val broken = launch(supervisor + handler) {
        println("broken: throwing IllegalStateException")
        throw IllegalStateException("broken child")
    }
    joinAll(quitter, broken)
    idle.cancelAndJoin()
    println("main: idle cancelled = ${idle.isCancelled}, quitter cancelled = ${quitter.isCancelled}, broken cancelled = ${broken.isCancelled}")
    println("main: supervisor active = ${supervisor.isActive}")
}
