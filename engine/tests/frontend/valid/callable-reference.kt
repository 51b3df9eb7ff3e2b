fun main() {
    val names = listOf("a", "b")
    names.forEach(::println)
}

fun lengths(xs: List<String>) = xs.map(String::length)

class Box(val items: List<Int>) {
    fun total() = items.fold(0, Int::plus)
    fun show() = items.forEach(this::print)
    fun print(x: Int) = println(x)
}
