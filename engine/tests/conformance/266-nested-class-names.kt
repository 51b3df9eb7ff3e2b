// Rule: The JVM names a nested class Outer$Inner: its Class's name and javaClass.name say so, its simpleName is Inner, an exception class nested in an object prints as Outer$Inner: message.
object N266Net {
    class Timeout(val ms: Int) : RuntimeException("timed out after $ms ms")
    class Request(val path: String)

    object Pool {
        class Slot(val n: Int)
    }
}

class N266Outer {
    open class Base
    class Derived : Base()
    class Other : Base()
}

fun main() {
    println("1 " + N266Net.Request::class.java.name + " " + N266Net.Request::class.java.simpleName)
    println("2 " + N266Net.Pool.Slot(1).javaClass.name + " " + N266Net.Pool.Slot(1).javaClass.simpleName)
    println("3 " + N266Net.Pool.javaClass.name)
    val e = N266Net.Timeout(500)
    println("4 $e")
    println("5 " + e.message + " " + e.javaClass.simpleName)
    try {
        throw N266Net.Timeout(200)
    } catch (t: RuntimeException) {
        println("6 caught $t")
    }
    val b: N266Outer.Base = N266Outer.Derived()
    println("7 " + (b is N266Outer.Derived) + " " + (b is N266Outer.Other) + " " + (b as? N266Outer.Other))
    println("8 " + listOf(N266Outer.Derived(), N266Outer.Other()).map { it.javaClass.simpleName })
}
