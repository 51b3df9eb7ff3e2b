// Number literals, arithmetic, comparison, logic, null safety, type checks and casts.
class Box(val value: Int?)

fun main() {
    val million = 1_000_000
    val big = 3_000_000_000L
    val hex = 0xFF
    val bin = 0b1010
    val ratio = 2.5
    val exp = 1e3
    val small = .5
    println(million + big + hex + bin)
    println(Long.MAX_VALUE)
    println(Int.MIN_VALUE)
    println(-2147483648)
    var x = 7
    x += 3
    x -= 1
    x *= 2
    x /= 3
    x %= 5
    x++
    --x
    println(x)
    println(ratio * exp + small - 1.0 / 4)
    println((1 + 2) * 3 % 4 - -1)
    println(!true || false && true)
    println(x == 1 || x != 2)
    val a = Box(null)
    val b: Box? = Box(4)
    println(a.value ?: 0)
    println(b?.value?.plus(1) ?: -1)
    println(b!!.value!!)
    println(b is Box)
    println(a !is Box)
    val any: Any = "text"
    println((any as String).length)
    println(any as? Int)
    println(x in 1..10 && x !in 20..30)
    println(1 until 5)
    println(0..<5)
    println(a === a && a !== b)
    println(x > 1 && x < 100 && x >= 0 && x <= 50)
    println(x.toLong() shl 2)
    val items = arrayOf(1, 2, 3)
    items[0] = items[1] + items[2]
    println(items[0])
}
