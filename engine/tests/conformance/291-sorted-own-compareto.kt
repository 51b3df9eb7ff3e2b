// Rule: sorted() of elements whose class implements Comparable calls their own compareTo, one call at a time, in the order java.util.Arrays.sort makes them for fewer than 32 elements (TimSort: the first run found with countRunAndMakeAscending, reversed if it descends, then binary insertion sort), with the same receiver and argument: sizes 0 to 5 and 10, already sorted, reversed, with equal keys (which keep their order) and mixed.

class T291Item(val key: Int, val name: String) : Comparable<T291Item> {
    override fun compareTo(other: T291Item): Int {
        println("  $name.compareTo(${other.name})")
        return key - other.key
    }

    override fun toString() = name
}

fun t291items(vararg keys: Int): List<T291Item> = keys.mapIndexed { i, k -> T291Item(k, "${'a' + i}$k") }

fun t291sort(label: String, xs: List<T291Item>) {
    println("$label: ${xs.joinToString(" ") { "$it" }}")
    val sorted = xs.sorted()
    println("  -> ${sorted.joinToString(" ") { "$it" }}")
}

fun main() {
    t291sort("empty", t291items())
    t291sort("one", t291items(7))
    t291sort("two sorted", t291items(1, 2))
    t291sort("two reversed", t291items(2, 1))
    t291sort("two equal", t291items(5, 5))
    t291sort("three sorted", t291items(1, 2, 3))
    t291sort("three reversed", t291items(3, 2, 1))
    t291sort("three mixed", t291items(2, 3, 1))
    t291sort("four equal", t291items(4, 4, 4, 4))
    t291sort("four mixed", t291items(3, 1, 4, 1))
    t291sort("five sorted", t291items(1, 2, 3, 4, 5))
    t291sort("five reversed", t291items(5, 4, 3, 2, 1))
    t291sort("five run then rest", t291items(1, 3, 5, 2, 4))
    t291sort("five descending run then rest", t291items(5, 3, 1, 4, 2))
    t291sort("five with equal keys", t291items(2, 1, 2, 1, 2))
    t291sort("ten sorted", t291items(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
    t291sort("ten reversed", t291items(9, 8, 7, 6, 5, 4, 3, 2, 1, 0))
    t291sort("ten mixed", t291items(3, 1, 4, 1, 5, 9, 2, 6, 5, 3))
    t291sort("ten with two keys", t291items(1, 0, 1, 0, 1, 0, 1, 0, 1, 0))
    t291sort("ten descending with ties", t291items(9, 9, 7, 7, 5, 5, 3, 3, 1, 1))
}
