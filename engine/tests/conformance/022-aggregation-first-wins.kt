// Rule: Exception aggregation: the first exception wins and later ones are added as suppressed.
import kotlinx.coroutines.*
import java.io.IOException

// The first real exception becomes the result; real exceptions that arrive later are
// attached to it as suppressed, in arrival order. The handler is called once.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e ->
        println("handler: $e")
        println("handler: suppressed ${e.suppressed.map { it.toString() }}")
    }
    val batch = launch(Job() + handler) {
        launch {
            delay(100)
            println("fetcher: connection lost")
            throw IOException("connection lost")
        }
        launch {
            try {
                delay(Long.MAX_VALUE)
            } catch (e: CancellationException) {
                println("writer: cancelled, rollback fails")
                throw IllegalStateException("rollback failed")
            }
        }
        try {
            delay(Long.MAX_VALUE)
        } catch (e: CancellationException) {
            println("batch: cancelled, report fails")
            throw ArithmeticException("report failed")
        }
    }
    batch.join()
    println("main: batch cancelled = ${batch.isCancelled}")
}
