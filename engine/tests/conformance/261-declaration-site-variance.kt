// Rule: Type parameters may declare their variance (out T, in T): a sealed result type over out T with a data class for success and one for failure typed Nothing, an interface producing out T with a suspend function, and an interface consuming in T.
import kotlinx.coroutines.*

sealed class C261Res<out T>
data class C261Good<out T>(val value: T) : C261Res<T>()
data class C261Bad(val error: Throwable) : C261Res<Nothing>()
interface C261Source<out T> { suspend fun next(): T }
interface C261Sink<in T> { fun put(x: T) }
class C261Numbers : C261Source<Int> { private var n = 0; override suspend fun next(): Int { delay(1); return ++n } }

fun c261Describe(r: C261Res<Int>): String = when (r) {
    is C261Good -> "good ${r.value}"
    is C261Bad -> "bad ${r.error.message}"
}

fun main() = runBlocking {
    val s: C261Source<Int> = C261Numbers()
    println(s.next() + s.next())
    println(c261Describe(C261Good(1)))
    println(c261Describe(C261Bad(IllegalStateException("x"))))
    val printer = object261Printer()
    printer.put("text")
}

fun object261Printer(): C261Sink<String> = C261Printer()

class C261Printer : C261Sink<Any> {
    override fun put(x: Any) = println("put $x")
}
