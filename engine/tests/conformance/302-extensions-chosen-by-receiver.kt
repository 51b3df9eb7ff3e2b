// Rule: an extension call picks the extension declared for the receiver's type: two extensions of one name on Int and String, on an interface and on a class implementing it, on a type parameter and on String; a member of the receiver's class wins over an extension; an extension named like a library function (map) leaves the library's on other types; a safe call on null calls nothing.
import kotlinx.coroutines.*

interface C302Shape
class C302Square : C302Shape
class C302Circle : C302Shape
class C302Box(val v: Int)
class C302User(val name: String) {
    fun describe() = "user $name"
}
class C302Order(val id: Int)

fun Int.c302Show() = "int $this"
fun String.c302Show() = "string $this"
fun C302Shape.c302Label() = "shape"
fun C302Square.c302Label() = "square"
fun <R> C302Box.map(f: (Int) -> R): R = f(v)
fun C302Order.describe() = "order $id"
fun <T> T.c302Tag() = "any $this"
fun String.c302Tag() = "text $this"
fun String?.c302OrDash() = this ?: "-"
suspend fun Int.c302Later(): String {
    delay(100)
    return "later int $this"
}
suspend fun String.c302Later(): String {
    delay(50)
    return "later string $this"
}

fun main() = runBlocking<Unit> {
    println(1.c302Show())
    println("a".c302Show())
    println(C302Square().c302Label())
    println(C302Circle().c302Label())
    println(listOf(1, 2).map { it + 1 })
    println(C302Box(4).map { it * 10 })
    println(C302Order(7).describe())
    println(C302User("ann").describe())
    println(2.c302Tag())
    println("b".c302Tag())
    val none: String? = null
    println(none.c302OrDash())
    println("x".c302OrDash())
    println(none?.c302Show())
    val some: String? = "y"
    println(some?.c302Show())
    val a = async { 3.c302Later() }
    val b = async { "z".c302Later() }
    println(a.await())
    println(b.await())
}
