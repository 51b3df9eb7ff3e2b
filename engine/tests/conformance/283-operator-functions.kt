// Rule: operator functions of a class run for their operators: plus, minus, times, div and rem for + - * / %, += through plus, unaryMinus for -a, get and set for a[i], contains for in and !in, invoke for a().

data class O283Vec(val x: Int, val y: Int) {
    operator fun plus(o: O283Vec) = O283Vec(x + o.x, y + o.y)
    operator fun minus(o: O283Vec) = O283Vec(x - o.x, y - o.y)
    operator fun times(k: Int) = O283Vec(x * k, y * k)
    operator fun unaryMinus() = O283Vec(-x, -y)
}
class O283Grid(val w: Int) {
    private val cells = IntArray(w * w)
    operator fun get(i: Int) = cells[i]
    operator fun set(i: Int, v: Int) { println("set $i"); cells[i] = v }
    operator fun contains(v: Int) = cells.contains(v)
    operator fun invoke(): Int = cells.sum()
}
class O283Money(val cents: Long) {
    operator fun plus(o: O283Money) = O283Money(cents + o.cents)
    operator fun div(n: Int) = O283Money(cents / n)
    operator fun rem(n: Int) = cents % n
    override fun toString() = "${cents / 100}.${(cents % 100).toString().padStart(2, '0')}"
}

fun main() {
    var v = O283Vec(1, 2) + O283Vec(3, 4) * 2
    println(v)
    println(-v)
    println(v - O283Vec(1, 1))
    v += O283Vec(10, 10)
    println(v)
    val g = O283Grid(2)
    g[1] = 7
    g[3] = 2
    println(g[1] + g[0])
    println(7 in g)
    println(5 !in g)
    println(g())
    var m = O283Money(1050)
    m += O283Money(275)
    println(m)
    println(m / 4)
    println(m % 100)
    println(listOf(O283Vec(1, 0), O283Vec(0, 1)).fold(O283Vec(0, 0)) { acc, e -> acc + e })
}
