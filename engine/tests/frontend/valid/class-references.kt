import kotlinx.coroutines.*

class Order(val id: Int)

fun describe(e: Throwable) = "${e::class.simpleName}: ${e.javaClass.name}"

fun main() = runBlocking {
    val e = IllegalStateException("boom")
    println(e::class.java.simpleName)
    println(e::class.qualifiedName)
    println(Order::class.simpleName)
    println(IllegalStateException::class.java == e.javaClass)
    println(Order(1)::class.java.name)
    listOf(e).forEach { println(it::class.simpleName) }
    println(describe(e))
}
