// Rule: A failing launch child cancels its parent (and recursively up the tree).
import kotlinx.coroutines.*

// A failing launch cancels its parent, which cancels its other children and its own
// parent, up to the root; runBlocking then throws the original exception.
fun main() {
    try {
        runBlocking {
            launch {
                launch {
                    delay(100)
                    println("team: failing")
                    throw IllegalStateException("team failed")
                }
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("department: cancelled by its failed child")
                }
            }
            launch {
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("other department: cancelled because the root was cancelled")
                }
            }
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("root block: cancelled")
            }
        }
    } catch (e: IllegalStateException) {
        println("runBlocking threw $e")
    }
}
