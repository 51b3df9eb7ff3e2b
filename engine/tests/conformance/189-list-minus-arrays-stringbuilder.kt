// Rule: list - element removes the first equal element and list - otherList every element in it; += and -= on a var holding a read-only list make a new list; IntArray(n) is n zeros and IntArray(n) { i -> } computes each; elementAt, asList and contentToString work on arrays and lists; a StringBuilder reads sb[i] and length and edits with insert, reverse, setLength and deleteCharAt; String.format is static.
fun main() {
    val xs = listOf(1, 2, 3, 2)
    println("L1 ${xs - 2} ${xs - listOf(2, 3)} ${xs - 9} ${listOf("a", "b") - "a"} ${setOf(1, 2, 3) - 2}")
    var acc = listOf(1)
    acc += 2
    acc += listOf(3, 4)
    acc -= 1
    acc -= listOf(4)
    println("L2 $acc ${acc.size}")
    val zeros = IntArray(3)
    val squares = IntArray(4) { i -> i * i }
    squares[0] = 7
    println("A1 ${zeros.contentToString()} ${squares.joinToString()} ${squares.size} ${squares.sum()} ${squares.elementAt(2)}")
    val arr = arrayOf("x", "y", "z")
    println("A2 ${arr.asList()} ${arr.contentToString()} ${arr.elementAt(1)} ${listOf(5, 6).elementAt(0)} ${setOf(7, 8).elementAt(1)}")
    val sb = StringBuilder("hello")
    println("S1 ${sb[0]} ${sb[4]} ${sb.length}")
    sb.insert(0, "[").insert(6, 42).insert(sb.length, ']')
    println("S2 $sb ${sb.length}")
    sb.deleteCharAt(0)
    println("S3 $sb")
    sb.reverse()
    println("S4 $sb")
    sb.setLength(3)
    println("S5 $sb ${sb.length}")
    sb.setLength(0)
    println("S6 [$sb] ${sb.isEmpty()}")
    println("F1 ${String.format("%d", 42)} ${String.format("%5.2f|%s|%03d", 3.14159, "hi", 7)}")
}
