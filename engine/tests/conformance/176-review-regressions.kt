// Rule: x == null never calls a class's own equals(), an equals overload that does not override is not used by ==, lastIndexOf starts at the last index, a map entry hashes as key xor value, NaN is padded with spaces under the 0 flag, and zip stops at the shorter side.
class C176Q(val x: Int) {
    override fun equals(other: Any?) = (other as C176Q).x == x
    override fun hashCode() = x
}
class C176R(val x: Int) {
    fun equals(other: C176R): Boolean = true
}

fun main() {
    val q = C176Q(1)
    println("${q == null} ${q != null} ${null == q} ${q == C176Q(1)}")
    println(when (q) { null -> "null"; else -> "not null" })
    println(C176R(1) == C176R(2))
    println("${"Hello".lastIndexOf("")} ${"Hello".lastIndexOf("l")} ${"hello hello".lastIndexOf("hello")}")
    println("abc".substringAfterLast("") + "|" + "abc".substringBeforeLast("") + "|" + "a.b.c".substringAfterLast("."))
    println(mapOf(1 to 2).entries.first().hashCode())
    println("[%08.3f|%5d|%-5d|%05d]".format(Double.NaN, 42, 42, -42))
    println(listOf(1, 2).zip(1..Int.MAX_VALUE))
    println(setOf(3, 1, 2) == setOf(1, 2, 3))
}
