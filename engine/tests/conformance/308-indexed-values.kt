// Rule: withIndex() gives IndexedValues: they print as IndexedValue(index=0, value=a), read as .index and .value, destructure as (i, v), and pass through filter, map and first.
fun main() {
    val xs = listOf("a", "b", "c")
    println(xs.withIndex().toList())
    for (iv in xs.withIndex()) println("${iv.index}: ${iv.value}")
    for ((i, v) in xs.withIndex()) println("$i=$v")
    println(xs.withIndex().filter { it.index % 2 == 0 }.map { it.value })
    println(xs.withIndex().first())
}
