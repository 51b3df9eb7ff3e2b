// Rule: a reference to a built-in type's member that takes an argument (Int::plus, Int::times, String::plus, Int::compareTo) takes the receiver and that argument, whether held by a local, a member or a top-level property of a function type (called by its name), passed to a parameter of one, or given to reduce and fold.

fun c288apply(a: Int, b: Int, op: (Int, Int) -> Int) = op(a, b)

fun c288combine(xs: List<String>, op: (String, String) -> String) = xs.reduce(op)

class C288Calc {
    val add: (Int, Int) -> Int = Int::plus
    fun run(a: Int, b: Int) = add(a, b)
}

val c288mul: (Int, Int) -> Int = Int::times

fun main() {
    val f: (Int, Int) -> Int = Int::plus
    println(f(3, 4))
    val g: (Int, Int) -> Int = Int::times
    println(g(3, 4))
    val m: (Int, Int) -> Int = Int::minus
    println(m(3, 4))
    val d: (Int, Int) -> Int = Int::div
    println(d(17, 5))
    val r: (Int, Int) -> Int = Int::rem
    println(r(17, 5))
    val c: (Int, Int) -> Int = Int::compareTo
    println("${c(1, 2)} ${c(2, 2)} ${c(3, 2)}")
    val lp: (Long, Long) -> Long = Long::plus
    println(lp(4000000000L, 1L))
    val dp: (Double, Double) -> Double = Double::times
    println(dp(1.5, 2.0))
    val sp: (String, String) -> String = String::plus
    println(sp("ab", "cd"))
    val sp2 = String::plus
    println(sp2("n=", 5))

    println(listOf(1, 2, 3, 4).reduce(Int::plus))
    println(listOf(1, 2, 3, 4).reduce(Int::times))
    println(listOf(1, 2, 3, 4).fold(10, Int::plus))
    println(listOf(1, 2, 3, 4).fold(1, Int::times))
    println(listOf("a", "b", "c").reduce(String::plus))
    println(listOf("x", "y").fold("", String::plus))

    println(c288apply(6, 7, Int::times))
    println(c288apply(6, 7, Int::plus))
    println(c288combine(listOf("p", "q", "r"), String::plus))
    println(C288Calc().run(20, 22))
    println(c288mul(5, 6))
}
