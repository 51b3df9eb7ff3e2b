// Rule: async failure shows up at await() AND also cancels the parent.
import kotlinx.coroutines.*

// A failed async hands its exception to await() AND cancels its parent at the moment
// it fails, so the other children are cancelled and runBlocking fails too.
fun main() {
    try {
        runBlocking {
            launch {
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("logger: cancelled by the failed async")
                }
            }
            val price = async<Int> {
                delay(100)
                println("price: failing")
                throw ArithmeticException("division by zero in price")
            }
            println("main: awaiting price")
            try {
                println("main: price = ${price.await()}")
            } catch (e: Throwable) {
                println("main: await threw ${if (e is CancellationException) "a CancellationException" else e.toString()}")
            }
            println("main: still active = $isActive")
        }
    } catch (e: ArithmeticException) {
        println("runBlocking threw $e")
    }
}
