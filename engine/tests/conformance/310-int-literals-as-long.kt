// Rule: an Int literal (or Int expression) where a Long is expected is a Long: a declared local, property or top-level val, a default, an argument of a function or a constructor (a superclass's too), a returned value; arithmetic on it does not wrap at 32 bits and it equals the Long.
data class C310D(val id: Long)
fun c310F(): Long = 2147483647
fun c310G(): Long { return 2147483647 }
fun c310Fact(n: Long, acc: Long = 1): Long = if (n <= 1) acc else c310Fact(n - 1, acc * n)
val c310Top: Long = 2147483647
open class C310Base(val limit: Long)
class C310Sub : C310Base(2147483647)
fun main() {
    println(C310Sub().limit + 1)
    val a: Long = 5
    println(a.equals(5L))
    val b: Long = 2147483647
    println(b + 1)
    println(c310F() + 1)
    println(c310G() + 1)
    var acc: Long = 1
    for (i in 1..20) acc *= i
    println(acc)
    println(c310Fact(21))
    println(C310D(2147483647).id * 2)
    println((a * 1000000000) * 3)
    var c: Long = 0
    repeat(3) { c += 1000000000 }
    println(c)
    println(c310Top + 1)
    val n: Long? = 2147483647
    println(n?.plus(1))
    val m: Long = -5
    println(m * 1000000000)
}
