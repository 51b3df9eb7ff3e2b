// Rule: Dispatchers.IO runs at most 64 blocking tasks at once: 64 tasks of Thread.sleep(300) take one round of 300 ms, 65 or 100 take two rounds, 129 take three.
import kotlinx.coroutines.*

suspend fun c131Rounds(tasks: Int): Long {
    val start = System.currentTimeMillis()
    coroutineScope {
        repeat(tasks) { launch(Dispatchers.IO) { Thread.sleep(300) } }
    }
    return (System.currentTimeMillis() - start) / 300
}

fun main() = runBlocking {
    c131Rounds(64)
    for (tasks in listOf(64, 65, 100, 129)) {
        println("$tasks tasks of 300 ms on IO: ${c131Rounds(tasks)} round(s) of 300 ms")
    }
}
