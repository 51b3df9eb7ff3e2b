// Rule: a class inheriting the same default method from two interfaces overrides it and may call each one with super<Name>.method(); a superclass's private members stay its own (a subclass may declare its own of the same name, and the superclass's code keeps calling its own).
interface H212Left {
    fun hello() = "left"
    fun only() = "only left"
}

interface H212Right {
    fun hello() = "right"
}

class H212Both : H212Left, H212Right {
    override fun hello() = super<H212Left>.hello() + "+" + super<H212Right>.hello()
}

open class H212Base {
    private fun helper() = "base helper"
    fun useHelper() = "base uses " + helper()
}

class H212Child : H212Base() {
    fun helper() = "child helper"
    fun both() = useHelper() + " / " + helper()
}

fun main() {
    val b = H212Both()
    println(b.hello())
    println(b.only())
    val l: H212Left = b
    println(l.hello())
    val c = H212Child()
    println(c.both())
    println(c.useHelper())
}
