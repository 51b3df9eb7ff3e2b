// Rule: synchronized(lock) { counter++ } makes an increment shared by 100 Default coroutines exact: 100 x 1000 increments give 100000.
import kotlinx.coroutines.*

var c134Counter = 0
val c134Lock = Any()

fun main() = runBlocking {
    withContext(Dispatchers.Default) {
        repeat(100) {
            launch {
                repeat(1000) {
                    synchronized(c134Lock) { c134Counter++ }
                }
            }
        }
    }
    println("counter = $c134Counter")
}
