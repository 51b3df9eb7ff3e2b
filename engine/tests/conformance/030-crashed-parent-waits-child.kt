// Rule: A crashed parent cancels its child, waits for the child's cleanup, and only then reports.
import kotlinx.coroutines.*

// A parent whose body throws cancels its child, but stays incomplete (join() keeps
// waiting) until the child's NonCancellable cleanup ends; then it reports to the handler.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val parent = launch(Job() + handler) {
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("child: cancelled, closing files")
                withContext(NonCancellable) { delay(400) }
                println("child: files closed")
            }
        }
        delay(100)
        println("parent: crashing")
        throw IllegalStateException("parent crashed")
    }
    delay(200)
    println("main: parent isCompleted = ${parent.isCompleted}, isCancelled = ${parent.isCancelled}")
    parent.join()
    println("main: join returned, parent isCompleted = ${parent.isCompleted}")
}
