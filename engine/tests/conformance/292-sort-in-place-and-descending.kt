// Rule: sort() and sortDescending() of a MutableList, and sortedDescending(), call the elements' own compareTo as java.util.Arrays.sort does (sortedDescending and sortDescending through reverseOrder(), so the receiver is the second element); an exception thrown by compareTo comes out of the sort, and a list sorted in place is left as far as the sort got.

class T292Box(val weight: Int, val label: String) : Comparable<T292Box> {
    override fun compareTo(other: T292Box): Int {
        println("  $label vs ${other.label}")
        if (weight < 0 || other.weight < 0) throw IllegalArgumentException("negative weight in $label or ${other.label}")
        return weight.compareTo(other.weight)
    }

    override fun toString() = label
}

fun t292boxes(vararg weights: Int): List<T292Box> = weights.mapIndexed { i, w -> T292Box(w, "${'p' + i}$w") }

fun t292show(xs: List<T292Box>) = xs.joinToString(" ") { "$it" }

fun main() {
    val m = t292boxes(4, 2, 4, 1, 3).toMutableList()
    println("sort()")
    m.sort()
    println("-> ${t292show(m)}")
    println("sortDescending()")
    m.sortDescending()
    println("-> ${t292show(m)}")
    println("sortedDescending()")
    val d = t292boxes(1, 3, 2, 3, 1).sortedDescending()
    println("-> ${t292show(d)}")
    println("sortedDescending() of a descending list")
    println("-> ${t292show(t292boxes(5, 4, 3, 2, 1).sortedDescending())}")
    println("sort() of one element")
    val one = t292boxes(1).toMutableList()
    one.sort()
    println("-> ${t292show(one)}")

    println("sorted() that throws")
    try {
        println(t292boxes(3, 1, -1, 2).sorted())
    } catch (e: IllegalArgumentException) {
        println("caught: ${e.message}")
    }
    println("sort() that throws halfway")
    val half = t292boxes(5, 1, 4, -7, 2).toMutableList()
    try {
        half.sort()
    } catch (e: IllegalArgumentException) {
        println("caught: ${e.message}")
    }
    println("left as: ${t292show(half)}")
    println("sortDescending() that throws")
    val desc = t292boxes(2, 3, 1, 0, -4).toMutableList()
    try {
        desc.sortDescending()
    } catch (e: IllegalArgumentException) {
        println("caught: ${e.message}")
    }
    println("left as: ${t292show(desc)}")
}
