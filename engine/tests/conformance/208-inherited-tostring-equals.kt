// Rule: toString(), equals() and hashCode() overridden in a superclass are inherited by its subclasses (printing, templates, ==), and a data class may extend an abstract class or implement an interface, comparing and printing its own constructor properties only.
open class H208Money(val cents: Int) {
    override fun toString() = "${cents / 100}.${cents % 100} EUR"
    override fun equals(other: Any?) = other is H208Money && other.cents == cents
    override fun hashCode() = cents
}

class H208Price(cents: Int, val item: String) : H208Money(cents)

abstract class H208Entity {
    var version = 0
    fun touch() {
        version++
    }
}

interface H208Tagged {
    fun tag(): String
}

data class H208User(val name: String, val age: Int) : H208Entity(), H208Tagged {
    override fun tag() = "user:$name"
}

fun main() {
    val p = H208Price(1250, "book")
    println(p)
    println("price: $p")
    println(p == H208Price(1250, "pen"))
    println(p == H208Money(1250))
    println(p.hashCode())
    println(p.item)
    val a = H208User("ann", 30)
    val b = H208User("ann", 30)
    a.touch()
    a.touch()
    println(a)
    println(a == b)
    println(a.hashCode() == b.hashCode())
    println(a.version)
    println(b.version)
    println(a.tag())
    println(a.copy(age = 31))
    val (n, age) = a
    println("$n $age")
}
