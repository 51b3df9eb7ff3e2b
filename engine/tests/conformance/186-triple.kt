// Rule: Triple(a, b, c) prints as (a, b, c), has first, second and third, destructures into three values, equals another Triple with equal parts, hashes as a data class does ((h(a) * 31 + h(b)) * 31 + h(c), 0 for null), and toList() gives its three values.
fun c186MinMaxSum(xs: List<Int>): Triple<Int, Int, Int> = Triple(xs.min() ?: 0, xs.max() ?: 0, xs.sum())

fun main() {
    val t = Triple("a", 1, 2.5)
    println("T1 $t ${t.first} ${t.second} ${t.third}")
    val (lo, hi, sum) = c186MinMaxSum(listOf(4, 1, 9))
    println("T2 $lo $hi $sum")
    println("T3 ${t == Triple("a", 1, 2.5)} ${t == Triple("a", 1, 2.0)} ${t != Triple("b", 1, 2.5)}")
    println("T4 ${Triple(1, 2, 3).hashCode()} ${t.hashCode()} ${Triple(null, "x", null).hashCode()} ${Triple(1, 2, 3).hashCode() == Triple(1, 2, 3).hashCode()}")
    println("T5 ${Triple(1, 2, 3).toList()} ${Triple(null, 'c', "s").toList()}")
    val ts = listOf(Triple(1, "x", true), Triple(2, "y", false))
    println("T6 $ts ${ts.map { it.second }} ${ts.filter { it.third }}")
    for ((n, name, flag) in ts) println("T7 $n $name $flag")
    println("T8 ${Triple(Pair(1, 2), listOf(3), null)} ${setOf(Triple(1, 2, 3), Triple(1, 2, 3)).size}")
}
