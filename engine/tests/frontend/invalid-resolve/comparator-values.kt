// Comparators are written in place, inside sortedWith or sortWith.
fun main() {
    val xs = mutableListOf(3, 1, 2)
    println(xs.sortedWith(Comparator { a, b -> b - a }))
    xs.sortWith { a, b -> a - b }
    val byValue = compareBy<Int> { it }
    println(xs.sortedWith(byValue))
}
