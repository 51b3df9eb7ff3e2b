// Rule: library functions on nullable and collection values: orEmpty() of a null collection is an empty one of its kind, a null String joins a + as "null", foldRight folds from the last element, compute and computeIfPresent store the lambda's value or remove the key for null, and groupBy and associateBy take a key selector and a value transform.
fun main() {
    println(listOf(1, 2, 3).foldRight("") { x, acc -> acc + x })
    println(listOf("a", "b").foldRight(listOf<String>()) { x, acc -> acc + x })
    val stock = mutableMapOf("apple" to 3, "pear" to 0)
    println(stock.compute("apple") { _, old -> (old ?: 0) + 1 })
    println(stock.compute("kiwi") { _, old -> (old ?: 0) + 5 })
    println(stock.compute("pear") { _, _ -> null })
    println(stock)
    println(stock.computeIfPresent("apple") { k, v -> v * 10 + k.length })
    println(stock.computeIfPresent("plum") { _, v -> v + 1 })
    println(stock.computeIfPresent("kiwi") { _, _ -> null })
    println(stock)
    val words = listOf("apple", "avocado", "banana", "blueberry", "cherry")
    println(words.groupBy({ it.first() }, { it.length }))
    println(words.associateBy({ it.first() }, { it.toUpperCase() }))
    val l: List<Int>? = null
    println(l.orEmpty())
    val s: Set<String>? = null
    println(s.orEmpty())
    val m: Map<String, Int>? = null
    println(m.orEmpty())
    val t: String? = null
    println("[" + t.orEmpty() + "]")
    val full: List<Int>? = listOf(1, 2)
    println(full.orEmpty())
    println(c323Count(null))
    println(c323Count(listOf("a")))
    val nothing: String? = null
    println(nothing + "!")
}
fun c323Count(xs: List<String>?): Int = xs.orEmpty().size
