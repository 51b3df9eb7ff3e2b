// Rule: async sibling failure inside coroutineScope: the other async is cancelled and its finally runs first.
import kotlinx.coroutines.*

// A failing async cancels its coroutineScope at once (nobody has awaited it yet);
// the sibling async is cancelled and runs its finally before the scope rethrows.
suspend fun c004QuoteTotal(): Int = coroutineScope {
    val shipping = async {
        try {
            println("shipping: asking the carrier")
            delay(Long.MAX_VALUE)
            5
        } finally {
            println("shipping: cancelled")
        }
    }
    val tax = async<Int> {
        println("tax: lookup fails")
        throw ArithmeticException("rate table missing")
    }
    println("quoteTotal: awaiting shipping first")
    shipping.await() + tax.await()
}

// Here the failing async runs first; the ATOMIC sibling still starts its body although
// it was cancelled before it started, and its delay throws at once.
suspend fun c004AtomicPair(): Int = coroutineScope {
    val first = async<Int> {
        println("first: fails at once")
        throw ArithmeticException("first failed")
    }
    val second = async(start = CoroutineStart.ATOMIC) {
        try {
            println("second: body starts although already cancelled")
            delay(Long.MAX_VALUE)
            1
        } finally {
            println("second: finally")
        }
    }
    first.await() + second.await()
}

fun main() = runBlocking {
    try {
        println("total = ${c004QuoteTotal()}")
    } catch (e: ArithmeticException) {
        println("main: quoteTotal failed with $e")
    }
    try {
        println("pair = ${c004AtomicPair()}")
    } catch (e: ArithmeticException) {
        println("main: atomicPair failed with $e")
    }
}
