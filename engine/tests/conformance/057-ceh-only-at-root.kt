// Rule: A CoroutineExceptionHandler installed on a child is ignored; only the root coroutine's handler is used, and runBlocking never uses a handler: it rethrows.
import kotlinx.coroutines.*

fun main() {
    runBlocking {
        val rootHandler = CoroutineExceptionHandler { _, e -> println("root handler: $e") }
        val childHandler = CoroutineExceptionHandler { _, e -> println("child handler: $e (never printed)") }
        val root = launch(Job() + rootHandler) {
            launch(childHandler) {
                println("child: failing")
                throw IllegalStateException("deep failure")
            }
        }
        root.join()
        println("main: root joined")
    }
    val ignored = CoroutineExceptionHandler { _, e -> println("runBlocking handler: $e (never printed)") }
    try {
        runBlocking(ignored) {
            launch {
                println("child of runBlocking: failing")
                throw IllegalArgumentException("child of runBlocking failed")
            }
        }
    } catch (e: IllegalArgumentException) {
        println("main: runBlocking threw $e")
    }
}
