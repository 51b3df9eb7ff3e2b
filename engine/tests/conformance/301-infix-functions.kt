// Rule: a function the program declares infix is called as `a name b`: a member, an extension on Int and on String (left-associative chains), and one returning an object whose own infix member is called next; the library's infix functions (to, until) are unchanged.

data class I301Range(val from: Int, val to: Int) {
    infix fun overlaps(o: I301Range) = from <= o.to && o.from <= to
}
infix fun Int.i301pow(e: Int): Int = if (e == 0) 1 else this * (this i301pow (e - 1))
infix fun String.i301join(other: String) = "$this-$other"
class I301Expect(val actual: Int) {
    infix fun shouldBe(expected: Int) = println(if (actual == expected) "ok $actual" else "expected $expected, got $actual")
}
fun i301expect(v: Int) = I301Expect(v)

fun main() {
    println(I301Range(1, 5) overlaps I301Range(4, 9))
    println(I301Range(1, 3) overlaps I301Range(4, 9))
    println(2 i301pow 10)
    println("a" i301join "b" i301join "c")
    i301expect(2 + 2) shouldBe 4
    i301expect(3) shouldBe 4
    println(1 to 2)
    println((1 until 4).toList())
}
