inline fun each(xs: List<Int>, f: (Int) -> Unit) {
    for (x in xs) f(x)
}

fun firstBig(xs: List<Int>): Int {
    each(xs) { if (it > 10) return it }
    return -1
}

fun main() {
    println(firstBig(listOf(1, 20)))
}
