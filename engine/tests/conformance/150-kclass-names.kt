// Rule: x::class.simpleName and qualifiedName give Kotlin's names for a value's class: the JVM name for exceptions and the program's classes, Kotlin's own names (Int, kotlin.Int, kotlin.String) for the types Kotlin maps onto JVM classes, the same whether the value is an Int or an Any holding one.
import kotlinx.coroutines.*

class C150Order(val id: Int)
object C150Registry

fun main() = runBlocking {
    val e = IllegalStateException("B failed")
    println("1 " + e::class.simpleName + " " + e::class.qualifiedName)
    val child = launch { delay(1000) }
    yield()
    child.cancel()
    try {
        val d = async { delay(1000) }
        yield()
        d.cancel()
        d.await()
    } catch (c: CancellationException) {
        println("2 " + c::class.simpleName + " " + c::class.qualifiedName)
    }
    try {
        withTimeout(100) { delay(1000) }
    } catch (t: TimeoutCancellationException) {
        println("3 " + t::class.simpleName)
    }
    val n = 42
    val boxed: Any = n
    println("4 " + n::class.simpleName + " " + n::class.qualifiedName + " " + boxed::class.qualifiedName)
    println("5 " + "text"::class.simpleName + " " + "text"::class.qualifiedName)
    println("6 " + C150Order(1)::class.simpleName + " " + C150Registry::class.qualifiedName + " " + C150Order::class.simpleName)
    println("7 " + (e::class == IllegalStateException::class) + " " + (n::class == Int::class) + " " + (boxed::class == Int::class))
    println("8 " + Throwable::class.qualifiedName + " " + Exception::class.qualifiedName)
    listOf(e, RuntimeException("x")).forEach { println("9 " + it::class.simpleName + " " + it::class.java.simpleName) }
}
