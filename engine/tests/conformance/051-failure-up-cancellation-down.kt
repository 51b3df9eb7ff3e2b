// Rule: A failure travels up the tree (each failed child cancels its parent) and cancellation travels down (a cancelled parent cancels all its children); the root reports the failure once.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("root handler: $e") }
    val root = launch(Job() + handler) {
        launch { // This is branch A.
            launch { // This is leaf A1.
                delay(100)
                println("leaf A1: failing")
                throw IllegalStateException("leaf A1 failed")
            }
            launch { // This is leaf A2.
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("leaf A2: cancelled (down from branch A)")
                }
            }
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("branch A: cancelled (up from leaf A1)")
            }
        }
        launch { // This is branch B.
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("branch B: cancelled (down from the root)")
            }
        }
        try {
            delay(Long.MAX_VALUE)
        } finally {
            println("root body: cancelled (up from branch A)")
        }
    }
    root.join()
    println("main: root cancelled = ${root.isCancelled}, main active = $isActive")
}
