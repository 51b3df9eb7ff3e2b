// Rule: `<`, `>`, `<=` and `>=` on a class implementing Comparable call its compareTo (and `$this` in a string template is the receiver); a collection function given a function value (a local or parameter holding a lambda) instead of a lambda literal calls it for each element, with one parameter or with two (fold, reduce, mapIndexed).

data class C297Version(val major: Int, val minor: Int) : Comparable<C297Version> {
    override fun compareTo(other: C297Version): Int {
        println("compare $this with $other")
        return if (major != other.major) major - other.major else minor - other.minor
    }
}

fun c297apply(xs: List<Int>, transform: (Int) -> String): List<String> = xs.map(transform)

fun main() {
    val a = C297Version(1, 4)
    val b = C297Version(1, 10)
    println(a < b)
    println(a > b)
    println(a <= C297Version(1, 4))
    println(b >= a)
    println(maxOf(3, 4))
    val grade = { score: Int -> if (score > 50) "pass" else "fail" }
    val isEven: (Int) -> Boolean = { it % 2 == 0 }
    val add = { x: Int, y: Int -> x + y }
    val xs = listOf(95, 40, 12, 77)
    println(xs.map(grade))
    println(xs.filter(isEven))
    println(xs.count(isEven))
    println(xs.any(isEven))
    println(xs.fold(0, add))
    println(xs.reduce(add))
    println(xs.mapIndexed { i, x -> i + x })
    val tag = { i: Int, x: Int -> "$i:$x" }
    println(xs.mapIndexed(tag))
    println(c297apply(xs, grade))
    println(xs.sortedBy { -it }.first())
    val byTens: (Int) -> Int = { it / 10 }
    println(xs.groupBy(byTens))
}
