// Rule: inside a class or an interface's default method, toString(), hashCode() and equals() called without this. are the runtime class's (its own override, a data class's, or the default).
interface H219Show {
    fun show() = "<" + toString() + ">"
    fun same(other: Any) = equals(other)
}

data class H219Point(val x: Int, val y: Int) : H219Show {
    fun hashText() = "hash " + hashCode()
}

class H219Named(val name: String) : H219Show {
    override fun toString() = "Named($name)"
    override fun equals(other: Any?) = other is H219Named && other.name == name
    override fun hashCode() = name.length
    fun describe() = "I am " + toString() + " with hash " + hashCode()
}

fun main() {
    val p = H219Point(1, 2)
    println(p.show())
    println(p.hashText() == "hash " + H219Point(1, 2).hashCode())
    println(p.same(H219Point(1, 2)))
    println(p.same(H219Point(2, 1)))
    val n = H219Named("ann")
    println(n.show())
    println(n.describe())
    println(n.same(H219Named("ann")))
}
