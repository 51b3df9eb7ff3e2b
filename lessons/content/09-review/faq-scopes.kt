// Review: coroutineScope or supervisorScope?
import kotlinx.coroutines.*

val scopeKind = "supervisorScope" // @param one of "coroutineScope", "supervisorScope" "Scope"

val handler = CoroutineExceptionHandler { _, e -> println("logged: $e") }

suspend fun CoroutineScope.processUpload() {
    launch(handler + CoroutineName("thumbnail")) {
        delay(50)
        throw IllegalStateException("thumbnail failed")
    }
    launch(CoroutineName("store")) {
        delay(100)
        println("store: done")
    }
}

fun main() = runBlocking {
    try {
        if (scopeKind == "supervisorScope") {
            supervisorScope { processUpload() }
        } else {
            coroutineScope { processUpload() }
        }
        println("upload processed")
    } catch (e: Exception) {
        println("upload failed: $e")
    }
}
