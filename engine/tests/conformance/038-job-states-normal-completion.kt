// Rule: Job states: New → Active → Completing (still isActive) → Completed.
import kotlinx.coroutines.*

// A LAZY job is New; start() makes it Active; when its body ends while a child still
// runs it is Completing, which looks Active from outside; then it is Completed and is
// no longer listed among its parent's children.
fun c038LifecycleFlags(j: Job) = "isActive=${j.isActive} isCompleted=${j.isCompleted} isCancelled=${j.isCancelled}"

fun main() = runBlocking {
    val me = coroutineContext[Job]!!
    val exporter = launch(start = CoroutineStart.LAZY) {
        println("exporter: body runs, starts a compressor child")
        launch {
            delay(200)
            println("compressor: done")
        }
        println("exporter: body ends")
    }
    println("New:        ${c038LifecycleFlags(exporter)}, child of main = ${me.children.contains(exporter)}")
    exporter.start()
    println("Active:     ${c038LifecycleFlags(exporter)}")
    delay(100)
    println("Completing: ${c038LifecycleFlags(exporter)}")
    exporter.join()
    println("Completed:  ${c038LifecycleFlags(exporter)}, child of main = ${me.children.contains(exporter)}")
}
