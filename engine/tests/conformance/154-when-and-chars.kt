// Rule: when with a subject matches values, several values, ranges, !in, is and a list's in; when without a subject takes the first true branch; Char arithmetic ('a' + 1, 'z' - 'a'), comparisons, ranges of Char, isDigit/isLetter and is-checks on Any values give the JVM's results.
fun c154Describe(x: Any?): String = when (x) {
    null -> "null"
    is Int -> if (x > 10) "big int $x" else "int $x"
    is String -> "string of ${x.length}"
    is List<*> -> "list of ${x.size}"
    in listOf(1.5, 2.5) -> "special double"
    else -> "other $x"
}
fun c154Grade(score: Int) = when (score) {
    in 90..100 -> "A"
    in 80 until 90 -> "B"
    !in 0..100 -> "invalid"
    70, 71, 72 -> "C-ish"
    else -> "F"
}
fun main() {
    println("1 ${c154Describe(5)} | ${c154Describe(50)} | ${c154Describe("hey")} | ${c154Describe(listOf(1, 2))} | ${c154Describe(null)} | ${c154Describe(2.5)} | ${c154Describe('c')}")
    println("2 ${c154Grade(95)} ${c154Grade(85)} ${c154Grade(71)} ${c154Grade(150)} ${c154Grade(10)}")
    for (c in listOf('x', '7', '#')) {
        val kind = when {
            c.isDigit() -> "digit"
            c.isLetter() -> "letter"
            else -> "?"
        }
        println("3 $c $kind")
    }
    println("4 ${'a' + 1} ${'z' - 'a'} ${'5'.isDigit()} ${'5'.toString().toInt() + 1}")
    println("5 ${'a' < 'b'} ${('a'..'e').toList()} ${('a'..'e').joinToString("")} ${'c' in 'a'..'z'}")
    println("6 ${'9' - '0'} ${'a' + 2} ${"Hi5!".map { it + 1 }}")
    val x: Any = 3L
    println("7 " + when (x) { is Int -> "Int"; is Long -> "Long"; else -> "?" })
    val y: Any = 3
    println("8 ${y is Number} ${y is Comparable<*>} ${y !is String}")
}
