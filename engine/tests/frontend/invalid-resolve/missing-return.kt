fun total(prices: List<Int>): Int {
    val sum = prices.sum()
}

fun label(code: Int): String {
    println("code $code")
}

fun pick(flag: Boolean): Int {
    if (flag) return 1 else return 2
}

fun fail(message: String): Nothing = throw IllegalStateException(message)

fun check(x: Int): Int {
    if (x > 0) return x
    fail("negative")
}

fun main() {
    println(total(listOf(1, 2)) + pick(true) + check(1))
    println(label(3))
}
