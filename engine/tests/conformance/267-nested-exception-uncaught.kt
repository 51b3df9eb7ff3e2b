// Rule: An exception class nested in an object that escapes main is reported under its JVM name, Outer$Inner, on the thread's first line of standard error, after a coroutine's failure reached runBlocking through coroutineScope.
import kotlinx.coroutines.*

object N267Billing {
    class Declined(val code: Int) : IllegalStateException("card declined: $code")

    suspend fun charge(amount: Int): Int {
        delay(10)
        if (amount > 100) throw Declined(51)
        return amount
    }
}

fun main() = runBlocking {
    println("1 " + N267Billing.charge(50))
    coroutineScope {
        launch {
            delay(100)
            println("never")
        }
        launch {
            println("2 charging")
            N267Billing.charge(500)
        }
    }
    println("never")
}
