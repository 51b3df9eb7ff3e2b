// Rule: javaClass and ::class.java give the JVM class of a value: java.lang names for built-in exceptions and String, kotlinx.coroutines.JobCancellationException for a job's own cancellation, java.util.concurrent.CancellationException for one the program throws, TimeoutCancellationException for withTimeout, and the declared name for the program's classes and objects.
import kotlinx.coroutines.*
import java.io.IOException

class C149Order(val id: Int)
object C149Registry
class C149PaymentFailed(val orderId: Int) : IllegalStateException("payment failed for $orderId")

fun c149Describe(e: Throwable): String = "${e.javaClass.simpleName} (${e.javaClass.name})"

fun main() = runBlocking {
    val e = IllegalStateException("B failed")
    println("1 " + e.javaClass.simpleName)
    println("2 " + e.javaClass.name)
    println("3 " + e::class.java.simpleName + " " + e::class.java.name)
    println("4 " + e.javaClass)
    println("5 " + "text".javaClass.simpleName + " " + "text".javaClass.name)
    println("6 " + C149Order(1).javaClass.simpleName + " " + C149Order(1).javaClass.name)
    println("7 " + C149Registry.javaClass.simpleName + " " + C149Registry::class.java.name)
    println("8 " + c149Describe(C149PaymentFailed(7)))
    println("9 " + (e.javaClass == IllegalStateException::class.java) + " " + (e.javaClass == RuntimeException::class.java))
    println("10 " + String::class.java.name + " " + Int::class.java.name + " " + IOException::class.java.name)

    val child = launch { delay(1000) }
    yield()
    child.cancel()
    try {
        child.join()
        val d = async { delay(1000) }
        yield()
        d.cancel()
        d.await()
    } catch (c: CancellationException) {
        println("11 " + c149Describe(c))
    }
    try {
        withTimeout(100) { delay(1000) }
    } catch (t: TimeoutCancellationException) {
        println("12 " + c149Describe(t))
    }
    try {
        coroutineScope { throw CancellationException("user logged out") }
    } catch (c: CancellationException) {
        println("13 " + c149Describe(c))
    }
    val failures = listOf(ArithmeticException("/ by zero"), IllegalArgumentException("bad"), IOException("disk"), RuntimeException("x", e))
    failures.forEach { println("14 " + it::class.java.simpleName + " <- " + it.cause?.javaClass?.simpleName) }
    val result = runCatching { error("boom") }
    println("15 " + result.exceptionOrNull()?.javaClass?.name)
    println("16 " + when (e.javaClass.simpleName) { "IllegalStateException" -> "matched by name"; else -> "no match" })
}
