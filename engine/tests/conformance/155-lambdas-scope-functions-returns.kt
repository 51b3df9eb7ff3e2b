// Rule: return@forEach skips one element, a bare return inside forEach returns from the enclosing function, return@map gives the lambda's value; let, also, apply, with, run, takeIf and takeUnless return what Kotlin says; do-while runs its body first; lambdas capture loop values; local and recursive functions work.
fun c155FirstEven(xs: List<Int>): Int? {
    xs.forEach { if (it % 2 == 0) return it }
    return null
}
fun c155Fib(n: Int): Int = if (n < 2) n else c155Fib(n - 1) + c155Fib(n - 2)
fun c155Ack(m: Int, n: Int): Int = when { m == 0 -> n + 1; n == 0 -> c155Ack(m - 1, 1); else -> c155Ack(m - 1, c155Ack(m, n - 1)) }
fun c155Repeat(s: String, n: Int, acc: String = ""): String = if (n == 0) acc else c155Repeat(s, n - 1, acc + s)
fun main() {
    listOf(1, 2, 3, 4).forEach {
        if (it == 2) return@forEach
        print("$it ")
    }
    println()
    for (i in 1..3) {
        for (j in 1..3) {
            if (j == 2) continue
            if (i == 3) break
            print("$i$j ")
        }
    }
    println()
    println("1 ${c155FirstEven(listOf(1, 3, 6, 8))} ${c155FirstEven(listOf(1))}")
    val r = run {
        listOf(1, 2, 3).map { if (it == 2) return@map 20; it }
    }
    println("2 $r")
    val x = listOf(1, 2).let { it.size } + 1
    val y = "abc".also { print("also:$it ") }.length
    val z = StringBuilder().apply { append("a"); append("b") }.toString()
    val w = with(listOf(1, 2, 3)) { size * 10 }
    println("3 $x $y $z $w")
    val n: String? = "v"
    println("4 ${n?.let { "got $it" } ?: "none"} ${null?.let { 1 } ?: 2}")
    var i = 0
    do { i += 3 } while (i < 10)
    println("5 $i")
    val f: (Int) -> Int = { it * 2 }
    println("6 ${f(3)}")
    val adders = (1..3).map { k -> { v: Int -> v + k } }
    println("7 ${adders.map { it(10) }}")
    fun local(a: Int): Int = if (a <= 1) 1 else a * local(a - 1)
    println("8 ${local(10)} ${c155Fib(20)} ${c155Ack(2, 3)}")
    println("9 ${c155Repeat("ab", 3)} ${listOf(1, 2, 3).takeIf { it.size > 2 }} ${5.takeUnless { it > 3 }}")
}
