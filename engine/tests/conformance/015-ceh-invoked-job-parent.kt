// Rule: CoroutineExceptionHandler runs when the parent is a plain Job() (nothing upstream handles it).
import kotlinx.coroutines.*

// A plain Job() parent is cancelled by a failing launch but does not handle the
// exception, so the launch reports it to the CoroutineExceptionHandler in its context
// (before join() returns). The cancelled sibling is not reported.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler got $e") }
    val group = Job()
    val sibling = launch(group + handler) {
        try {
            delay(Long.MAX_VALUE)
        } finally {
            println("sibling: cancelled because the group job was cancelled")
        }
    }
    val failing = launch(group + handler) {
        println("failing: throwing")
        throw IllegalStateException("sensor offline")
    }
    failing.join()
    println("main: join returned, group cancelled = ${group.isCancelled}")
    sibling.join()
    println("main: sibling cancelled = ${sibling.isCancelled}, main active = $isActive")
}
