// Rule: An exception that escapes main ends the program with exit code 1 and "Exception in thread "main" java.lang.IllegalStateException: boom" on stderr; runBlocking first cancels its children and runs their finally blocks.
import kotlinx.coroutines.*

fun main() {
    runBlocking {
        println("main: starting")
        launch {
            try {
                delay(Long.MAX_VALUE)
            } finally {
                println("child: cancelled before the program dies")
            }
        }
        delay(100)
        println("main: throwing")
        throw IllegalStateException("boom")
    }
}
