// Rule: Int arithmetic is 32-bit and wraps on overflow; Long is 64-bit; mixing Int and Long gives Long; compound assignments and ++ update a var.
fun main() {
    println(7 + 3 * 2)
    println((7 + 3) * 2)
    val big = Int.MAX_VALUE
    println(big)
    println(big + 1)
    println(Int.MIN_VALUE - 1)
    val million = 1_000_000
    println(million * million)
    println(million.toLong() * million)
    println(1_000_000L * 1_000_000)
    println(Long.MAX_VALUE)
    println(Long.MAX_VALUE + 1)
    println(7L / 2)
    println(-7L / 2)
    println(1 + 2L)
    var x = 5
    x += 3
    x *= 2
    x -= 1
    x++
    x--
    x++
    println(x)
    var total = 0L
    for (i in 1..100) total += i
    println(total)
    println(-x)
    println(3 > 2 && 2 > 1 || false)
    println(!(3 == 3))
}
