// Rule: suspend fun main has no dispatcher: it starts on main, resumes after delay on the thread that fired the timer (kotlinx.coroutines.DefaultExecutor), and after awaiting a Default coroutine on that coroutine's worker.
import kotlinx.coroutines.*

suspend fun main() {
    println("start on ${Thread.currentThread().name}")
    delay(100)
    println("after delay on ${Thread.currentThread().name}")
    val v = coroutineScope {
        val a = async { delay(10); 1 }
        a.await() + 1
    }
    val worker = Thread.currentThread().name.startsWith("DefaultDispatcher-worker-")
    println("v=$v, resumed on a Default worker: $worker")
}
