// Rule: collection + collection adds the elements of a list, a set or a range, and a Set keeps each element once (setOf(1) + listOf(2, 1) is [1, 2]); collection + element adds the element.
fun main() {
    val numbers = listOf(1, 2)
    println(numbers + setOf(3, 4))
    println(numbers + listOf(5))
    println(numbers + 6)
    println(setOf(1) + listOf(2, 1))
    println(setOf("a", "b") + "a")
    println(numbers + (6..8))
    println(numbers + (10 downTo 9))
    var acc = listOf<Int>()
    acc = acc + setOf(7, 7)
    acc += listOf(8)
    println(acc)
    println((setOf(1, 2) + setOf(2, 3)).size)
}
