// Dispatchers.Main runs on the thread of runBlocking, with a warning that a plain JVM has none.
import kotlinx.coroutines.*
fun main() = runBlocking<Unit> {
    withContext(Dispatchers.Main) { println("on ${Thread.currentThread().name}") }
    launch(Dispatchers.Main) { }
}
