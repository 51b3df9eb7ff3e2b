// Rule: whole-number and text helpers: inv() complements the bits, toByte() and toShort() keep the low 8 and 16 bits as a signed value, Math.floorMod and floorDiv round towards negative infinity, toHashSet() sizes its table for the elements as Kotlin does, and a String's chunked(n) and capitalize() work on its characters.
fun main() {
    println("${5.inv()} ${(-1L).inv()} ${0.inv()}")
    println("${300.toByte()} ${(-129).toByte()} ${70000.toShort()} ${127.toByte()} ${3.99.toInt().toByte()}")
    println(1.rangeTo(5))
    println(listOf(3, 1, 3, 2).toHashSet())
    println(listOf("zeta", "alpha", "mu", "k1", "k9", "beta").toHashSet())
    println(HashSet(listOf("zeta", "alpha", "mu", "k1", "k9", "beta")))
    println("abcdefg".chunked(3))
    println("hello world".capitalize() + " " + "Hello".decapitalize() + " [" + "".capitalize() + "]")
    println("${Math.floorMod(-7, 3)} ${Math.floorMod(7, -3)} ${Math.floorDiv(-7, 2)} ${Math.floorMod(-7L, 3L)} ${Math.floorDiv(7, 2)}")
    println(Math.PI)
    println(Math.E)
    println(String.format("%.4f", Math.PI * 2))
    try { Math.floorMod(1, 0) } catch (e: ArithmeticException) { println(e) }
}
