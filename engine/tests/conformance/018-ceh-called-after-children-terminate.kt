// Rule: The handler runs only after every child has finished (including NonCancellable finally blocks).
import kotlinx.coroutines.*

// A failing child cancels its siblings. The root reports the exception to its handler
// only after every child has finished, including a slow NonCancellable cleanup.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val root = launch(Job() + handler) {
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                withContext(NonCancellable) {
                    println("flusher: cancelled, flushing buffers")
                    delay(200)
                    println("flusher: buffers flushed")
                }
            }
        }
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("reader: cancelled")
            }
        }
        launch {
            delay(100)
            println("validator: failing")
            throw IllegalStateException("checksum mismatch")
        }
    }
    root.join()
    println("main: root joined")
}
