// Rule: a function kept in a Pair, a Triple or a map entry is called through the component that holds it (pair.second(5), entry.value(3)), parenthesized or not; a nullable function value is called with ?.invoke.
fun c304Twice(x: Int) = x * 2

fun main() {
    val p = "double" to { x: Int -> x * 2 }
    println(p.first + " " + p.second(5))
    println((p.second)(7))
    val t = Triple({ x: Int -> x + 1 }, ::c304Twice, { s: String -> s.length })
    println(t.first(1) + t.second(2) + t.third("abc"))
    val ops = mapOf("inc" to { x: Int -> x + 1 }, "neg" to { x: Int -> -x })
    for (e in ops.entries) {
        println(e.key + " " + e.value(3))
    }
    val maybe: ((Int) -> Int)? = { it + 100 }
    val none: ((Int) -> Int)? = null
    println(maybe?.invoke(1))
    println(none?.invoke(1))
    println(ops["neg"]?.invoke(4))
    println(ops.getValue("inc")(6))
}
