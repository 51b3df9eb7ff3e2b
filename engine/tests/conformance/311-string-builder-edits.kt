// Rule: StringBuilder's replace(start, end, text), delete(start, end) and setCharAt(i, c) change the builder in place (an end past the length stops at it), and their bad indices throw StringIndexOutOfBoundsException with Java's messages.
fun main() {
    val sb = StringBuilder("hello world")
    sb.replace(0, 1, "J")
    println(sb)
    sb.replace(6, 100, "there")
    println(sb)
    sb.delete(5, 11)
    println(sb)
    sb.setCharAt(4, 'y')
    println(sb)
    println(sb.indexOf("y"))
    sb.delete(0, 99)
    println("[" + sb + "]")
    val t = StringBuilder("abc")
    try { t.replace(2, 1, "x") } catch (e: StringIndexOutOfBoundsException) { println(e.message) }
    try { t.delete(-1, 2) } catch (e: StringIndexOutOfBoundsException) { println(e.message) }
    try { t.setCharAt(3, 'x') } catch (e: StringIndexOutOfBoundsException) { println(e.message) }
    println(t)
}
