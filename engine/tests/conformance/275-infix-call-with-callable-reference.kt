// Rule: a callable reference may be the right operand of an infix call: "x" to ::f, mapOf("max" to ::f), a to String::length and a program's own infix function given ::f, each the function it names.

fun c275double(x: Int) = x * 2
fun c275square(x: Int) = x * x
fun c275negate(x: Int) = -x

class C275Pipeline(val steps: List<(Int) -> Int>) {
    infix fun then(step: (Int) -> Int) = C275Pipeline(steps + step)
    fun run(x: Int) = steps.fold(x) { acc, f -> f(acc) }
}

fun main() {
    val a = "x" to ::c275double
    val fa = a.second
    println("${a.first} ${fa(5)}")
    val ops = mapOf("double" to ::c275double, "square" to ::c275square, "negate" to ::c275negate)
    for ((name, op) in ops) println("$name(7) = ${op(7)}")
    val sq = ops["square"]
    if (sq != null) println(sq(9))
    println(ops.getOrElse("cube") { ::c275negate }(9))
    val len = 1 to String::length
    val fl = len.second
    println(fl("hello"))
    val pairs = listOf(3 to ::c275double, 4 to ::c275square)
    println(pairs.map { (n, f) -> f(n) })
    val p = C275Pipeline(emptyList()) then ::c275double then ::c275square then ::c275negate
    println(p.run(3))
}
