// Rule: a class's own toString() gives its text where it is printed or put in a template (classes, objects, data classes, exception subclasses), and its own equals() decides == and !=.
class C167Point(val x: Int, val y: Int) {
    override fun toString() = "($x, $y)"
    override fun equals(other: Any?) = other is C167Point && other.x == x && other.y == y
    override fun hashCode() = 31 * x + y
}
object C167Config { override fun toString() = "Config!" }
data class C167Money(val cents: Long) { override fun toString() = "$" + (cents / 100) + "." + (cents % 100) }
class C167Failure(val why: String) : IllegalStateException(why) { override fun toString() = "C167Failure[$why]" }
class C167Plain(val n: Int)

fun main() {
    val p = C167Point(1, 2)
    println(p)
    println("at $p and ${C167Point(3, 4)}")
    println(C167Config)
    println("config: $C167Config")
    println(C167Money(1250))
    println(C167Failure("boom"))
    try {
        throw C167Failure("caught")
    } catch (e: IllegalStateException) {
        println("caught: $e")
    }
    println(p == C167Point(1, 2))
    println(p != C167Point(1, 2))
    println(p == C167Point(2, 1))
    println(C167Plain(1) == C167Plain(1))
    val same = C167Plain(7)
    println(same == same)
    val texts = listOf(p, C167Point(5, 6)).joinToString(" -> ") { "$it" }
    println(texts)
    val sb = StringBuilder()
    sb.append("p=").append("$p")
    println(sb)
}
