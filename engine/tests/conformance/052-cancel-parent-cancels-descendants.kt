// Rule: Cancelling a parent cancels every descendant (their finally blocks run, in tree order); a cancellation is not a failure, so the caller stays active and no handler runs.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e (never printed)") }
    val parent = launch(handler) {
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("child A: finally")
            }
        }
        launch {
            launch {
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("grandchild B1: finally")
                }
            }
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("child B: finally")
            }
        }
        try {
            delay(Long.MAX_VALUE)
        } finally {
            println("parent body: finally")
        }
    }
    delay(100)
    println("main: cancelling the parent")
    parent.cancel()
    parent.join()
    println("main: parent cancelled = ${parent.isCancelled}, main active = $isActive")
}
