// Rule: callable references are the functions and properties they name: ::f, a bound x::f, Type::member (a property read, a method called on the first argument), passed to collection functions with one or two parameters, and stored in a variable and called.

data class C298Item(val name: String, val size: Int) {
    fun label() = "$name/$size"
    fun scaled(k: Int) = size * k
}
fun c298double(x: Int) = x * 2
fun c298join(a: String, b: String) = "$a+$b"
class C298Printer(val prefix: String) { fun show(x: Any) = println(prefix + x) }

fun main() {
    val xs = listOf("a", "bbb", "", "cc")
    println(xs.map(String::length))
    println(xs.filter(String::isNotEmpty))
    println(xs.map(String::toUpperCase))
    xs.take(2).forEach(::println)
    println(listOf(1, 2, 3).map(::c298double))
    val items = listOf(C298Item("x", 3), C298Item("y", 1))
    println(items.map(C298Item::name))
    println(items.map(C298Item::label))
    println(items.sortedBy(C298Item::size).map(C298Item::name))
    println(items.maxBy(C298Item::size)?.name)
    val p = C298Printer("> ")
    listOf(1, 2).forEach(p::show)
    val f = ::c298double
    println(f(21))
    val g = ::c298join
    println(g("l", "r"))
    val h = C298Item::scaled
    println(h(C298Item("z", 5), 3))
    val lengthOf = String::length
    println(lengthOf("four"))
    println(listOf(1, 2, 3).reduce(Int::plus))
    println(listOf(1, 2, 3).fold(10, Int::times))
    val show = p::show
    show("bound")
}
