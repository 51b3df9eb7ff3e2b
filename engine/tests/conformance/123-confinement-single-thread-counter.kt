// Rule: Confinement: when every increment runs in withContext on one single-thread context, a counter updated from many Default coroutines loses no update.
import kotlinx.coroutines.*

var c123Counter = 0

fun main() = runBlocking {
    val counterContext = newSingleThreadContext("counter")
    withContext(Dispatchers.Default) {
        repeat(10) {
            launch {
                repeat(1000) {
                    withContext(counterContext) { c123Counter++ }
                }
            }
        }
    }
    println("counter = $c123Counter")
    counterContext.close()
}
