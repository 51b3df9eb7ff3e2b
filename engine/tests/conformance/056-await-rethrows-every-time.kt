// Rule: await() on a failed Deferred rethrows its exception every time it is called; the body runs only once.
import kotlinx.coroutines.*

fun main() = runBlocking {
    supervisorScope {
        val rate = async<Int> {
            println("rate: body runs once")
            delay(100)
            throw ArithmeticException("bad rate")
        }
        for (attempt in 1..2) {
            try {
                println("attempt $attempt: ${rate.await()}")
            } catch (e: ArithmeticException) {
                println("attempt $attempt: await threw $e")
            }
        }
        println("rate: isCancelled=${rate.isCancelled} isCompleted=${rate.isCompleted}")
    }
}
