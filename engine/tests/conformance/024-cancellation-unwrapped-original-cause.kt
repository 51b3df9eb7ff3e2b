// Rule: A rethrown CancellationException is "transparent": the handler gets the original exception.
import kotlinx.coroutines.*
import java.io.IOException

// A coroutine cancelled by a failing descendant sees a CancellationException whose
// cause is the original failure. Rethrowing that CancellationException does not hide
// the failure: the root's handler receives the original IOException.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val service = launch(Job() + handler) {
        launch { // This is the module.
            launch { // This is the component.
                delay(100)
                println("component: throwing IOException")
                throw IOException("disk unplugged")
            }
            try {
                delay(Long.MAX_VALUE)
            } catch (e: CancellationException) {
                println("module: caught a CancellationException caused by ${e.cause}")
                println("module: rethrowing it")
                throw e
            }
        }
    }
    service.join()
    println("main: service cancelled = ${service.isCancelled}")
}
