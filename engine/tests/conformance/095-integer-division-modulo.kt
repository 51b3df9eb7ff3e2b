// Rule: Integer division truncates toward zero and % takes the sign of the dividend.
fun main() {
    println(7 / 2)
    println(-7 / 2)
    println(7 / -2)
    println(7 % 3)
    println(-7 % 3)
    println(7 % -3)
    println(7L % 3)
    println(10 / 3 * 3 + 10 % 3)
    for (n in listOf(9, 10, -11)) {
        println("$n is ${if (n % 2 == 0) "even" else "odd"}, $n / 4 = ${n / 4}, $n % 4 = ${n % 4}")
    }
    println(5 / 2 * 2.0)
    val minutes = 135
    println("${minutes / 60} h ${minutes % 60} min")
}
