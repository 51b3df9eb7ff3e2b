// Rule: Int wraps on overflow and Long does not; Long/Int mixing, toInt() truncation of Long and Double, Double printing (Infinity, NaN, 1.0E21, 1.0E-5, 1.0E7), shifts and bit operations, sums and averages, Math.abs/max/min/sqrt, coerce helpers, ++/-- in templates, compound assignments, String.hashCode, Pair and nested collections printing, nullable helpers (?.length, ?:, isNullOrEmpty, orEmpty, mapNotNull) and data class copy give the JVM's results.
data class C159Pt(val x: Int, val y: Int)
fun main() {
    val big = Int.MAX_VALUE
    println("1 ${big + 1} ${Int.MIN_VALUE - 1} ${big * 2}")
    println("2 ${Long.MAX_VALUE + 1} ${Long.MIN_VALUE}")
    val l: Long = 3000000000
    println("3 ${l * 2} ${l.toInt()} ${(l / 7).toInt()}")
    println("4 ${7 / 2} ${7.0 / 2} ${7 / 2.0} ${7 % 3} ${-7 % 3} ${7.5 % 2}")
    println("5 ${1.0 / 0} ${-1.0 / 0} ${0.0 / 0.0}")
    println("6 ${0.1 + 0.2} ${1.1 * 3} ${100.0} ${1e21} ${1e-5} ${123456789.0} ${1234567.0}")
    println("7 ${10.0 / 3} ${2.0 / 3} ${3.7.toInt()} ${(-3.7).toInt()} ${3.7.toLong()}")
    println("8 ${Math.abs(-5)} ${Math.max(3, 9)} ${Math.min(2.5, 1.5)} ${Math.sqrt(2.0)}")
    println("9 ${maxOf(1, 5)} ${minOf(4, 2)} ${(-5).coerceAtLeast(0)} ${15.coerceIn(0, 10)}")
    println("10 ${5.0.toString()} ${5.toDouble()} ${65.toChar()} ${1_000_000}")
    println("11 ${Int.MAX_VALUE.toLong() + 1} ${Long.MAX_VALUE / 2}")
    println("12 ${0x1F} ${0b101} ${1L shl 40} ${1 shl 31} ${-16 shr 2} ${-16 ushr 28} ${5 and 3} ${5 or 3} ${5 xor 3}")
    println("13 ${(1..5).sum()} ${(1..5).average()} ${listOf(1.5, 2.5).sum()} ${listOf(1, 2).average()}")
    println("14 ${Double.MAX_VALUE} ${-0.0} ${100.0 / 7} ${1.0 / 3 * 3}")
    println("15 ${(0.1 * 3).toString().length} ${12.5.toString()} ${1.0E7} ${9999999.0} ${0.001} ${0.0001}")
    println("16 ${"abc".hashCode()} ${"".hashCode()} ${'a'.hashCode()}")
    println("17 ${Pair("k", listOf(1))} ${(1 to 2).first}")
    println("18 ${listOf('a', 'b')} ${listOf(1L, 2L)} ${listOf(1.0, 2.5)} ${listOf("x", null)} ${listOf(true)}")
    println("19 ${(-1).toLong()} ${3000000000L.toInt()} ${10L / 3} ${10L % 3} ${10 / 3L} ${5L * Int.MAX_VALUE} ${1.toLong() shl 62}")
    println("20 ${(1..4)} ${(1 until 4)} ${(1..10 step 2)} ${('a'..'c')} ${(1L..3L)}")
    println("21 ${(1..10 step 3).last} ${(1..0).isEmpty()} ${(1..4).count()} ${(1..4).first}")
    val nested = mapOf("a" to listOf(1, 2), "b" to mapOf("c" to C159Pt(0, 0)), "d" to setOf<Int>(), "e" to null)
    println("22 $nested")
    println("23 ${emptyMap<String, Int>()} ${emptySet<Int>()} ${mutableListOf<String>()} ${listOf(listOf<Int>())}")
    val s: String? = null
    println("24 ${s?.length} ${s ?: "dflt"} ${s.isNullOrEmpty()} ${"".isNullOrBlank()} ${s.orEmpty()}|")
    val lens = listOf("a", null, "ccc").map { it?.length ?: -1 }
    println("25 $lens ${listOf(1, null).mapNotNull { it }}")
    println("26 ${listOf(3, 1, 2).sorted().toString()} ${"x".plus(1)} ${1.toString() + 2} ${"" + null}")
    println("27 ${1 == 1} ${"a" == "a"} ${null == null} ${1L == 1L}")
    println("28 ${C159Pt(1, 2).copy()} ${C159Pt(1, 2).copy(y = 5).y} ${C159Pt(3, 4).toString().length}")
    var counter = 0
    val inc = { counter++ }
    inc(); inc()
    println("29 $counter ${counter++} ${++counter} $counter ${counter--} ${--counter}")
    var a = 10
    a += 5; a -= 2; a *= 3; a /= 4; a %= 6
    println("30 $a")
    val d = 7
    println("31 ${d.toDouble() / 2} ${d / 2 * 2.0} ${d.toString().padStart(3, '0')} ${-d} ${+d} ${"%.2f".format(d / 3.0)}")
}
