// Rule: an override takes the default argument values of the function it overrides, and a call through the superclass or interface type uses them.
interface H211Greeter {
    fun greet(name: String, punctuation: String = "!"): String
}

open class H211Plain : H211Greeter {
    override fun greet(name: String, punctuation: String) = "Hello, $name$punctuation"
    open fun echo(text: String, times: Int = 2, sep: String = "-") = List(times) { text }.joinToString(sep)
}

class H211Shout : H211Plain() {
    override fun greet(name: String, punctuation: String) = "HEY $name$punctuation$punctuation"
    override fun echo(text: String, times: Int, sep: String) = "[" + super.echo(text, times, sep) + "]"
}

fun main() {
    val gs: List<H211Greeter> = listOf(H211Plain(), H211Shout())
    for (g in gs) {
        println(g.greet("Ann"))
        println(g.greet("Bob", "?"))
    }
    val s = H211Shout()
    println(s.echo("a"))
    println(s.echo("b", 3))
    println(s.echo("c", sep = "+"))
    println(H211Plain().echo("d"))
}
