// Rule: max() and min() of a collection (Kotlin 1.3's names), maxOf(a, b), minOf(a, b), coerceAtLeast, coerceAtMost and coerceIn of a class implementing Comparable call its own compareTo as the library does: max() keeps `max < e`, min() keeps `min > e`, maxOf is `if (a >= b) a else b` (the first of equal ones), coerceIn first checks `min > max` and stops at the first bound it passes; maxBy and minBy compare the best key so far with the next one (`maxValue < v`).

class T293Money(val cents: Int, val tag: String) : Comparable<T293Money> {
    override fun compareTo(other: T293Money): Int {
        println("  $tag <=> ${other.tag}")
        return cents - other.cents
    }

    override fun toString() = tag
}

class T293Order(val id: Int, val total: T293Money)

fun main() {
    val a = T293Money(300, "a3")
    val b = T293Money(100, "b1")
    val c = T293Money(300, "c3")
    val d = T293Money(200, "d2")
    val all = listOf(a, b, c, d)
    println("max = ${all.max()}")
    println("min = ${all.min()}")
    println("max of one = ${listOf(d).max()}")
    println("min of a set = ${setOf(d, c, b).min()}")
    println("maxOf(a, c) = ${maxOf(a, c)}")
    println("minOf(a, c) = ${minOf(a, c)}")
    println("maxOf(b, d) = ${maxOf(b, d)}")
    println("minOf(d, b) = ${minOf(d, b)}")
    println("b.coerceAtLeast(d) = ${b.coerceAtLeast(d)}")
    println("a.coerceAtLeast(d) = ${a.coerceAtLeast(d)}")
    println("a.coerceAtMost(d) = ${a.coerceAtMost(d)}")
    println("b.coerceAtMost(d) = ${b.coerceAtMost(d)}")
    println("b.coerceIn(d, a) = ${b.coerceIn(d, a)}")
    println("a.coerceIn(b, d) = ${a.coerceIn(b, d)}")
    println("d.coerceIn(b, c) = ${d.coerceIn(b, c)}")
    try {
        println(d.coerceIn(a, b))
    } catch (e: IllegalArgumentException) {
        println("caught IllegalArgumentException")
    }
    val orders = listOf(T293Order(1, d), T293Order(2, a), T293Order(3, b), T293Order(4, c))
    println("maxBy = ${orders.maxBy { it.total }?.id}")
    println("minBy = ${orders.minBy { it.total }?.id}")
}
