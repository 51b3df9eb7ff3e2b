// Rule: A nested class's simple name wins over a top-level class of the same name inside its outer class's body, and only there; a nested class may extend its outer class, be generic, receive extension functions, and, nested in an enum class, name its entries without qualification.
class N273Item(val label: String) {
    override fun toString() = "top-level $label"
}

open class N273Store(val name: String) {
    class N273Item(val price: Int) {
        override fun toString() = "nested $price"
    }

    class Outlet : N273Store("outlet") {
        fun first() = N273Item(5)
    }

    class Box<T>(val content: T) {
        fun <R> map(f: (T) -> R) = Box(f(content))
    }

    fun make() = N273Item(10)
}

enum class N273Level {
    LOW,
    HIGH;

    class Picker(val threshold: Int) {
        fun pick(n: Int) = if (n >= threshold) HIGH else LOW
        fun all() = values().toList()
    }
}

fun N273Store.Box<Int>.n273Doubled() = content * 2

fun main() {
    println("1 ${N273Item("a")}")
    println("2 ${N273Store("s").make()}")
    println("3 ${N273Store.Outlet().first()} ${N273Store.Outlet().name}")
    val store: N273Store = N273Store.Outlet()
    println("4 " + (store is N273Store.Outlet))
    println("5 " + N273Store.Box(20).map { it + 1 }.content + " " + N273Store.Box("x").map { it.length }.content)
    println("6 " + N273Store.Box(21).n273Doubled())
    val picker = N273Level.Picker(3)
    println("7 " + picker.pick(1) + " " + picker.pick(7) + " " + picker.all())
}
