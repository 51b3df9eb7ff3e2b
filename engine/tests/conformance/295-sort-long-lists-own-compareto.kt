// Rule: sorting 32 elements or more whose class implements Comparable gives the JVM's stable order (equal keys keep their order) whatever the comparisons made; a compareTo that counts its calls sees them run as the program's code, and a sort inside compareTo and inside a coroutine works.

import kotlinx.coroutines.*

var t295calls = 0

class T295Num(val v: Int, val i: Int) : Comparable<T295Num> {
    override fun compareTo(other: T295Num): Int {
        t295calls++
        return v.compareTo(other.v)
    }

    override fun toString() = "$v.$i"
}

class T295Nested(val parts: List<Int>) : Comparable<T295Nested> {
    override fun compareTo(other: T295Nested): Int {
        // A sort inside compareTo: the smallest parts decide.
        val mine = parts.map { T295Num(it, 0) }.sorted().first().v
        val theirs = other.parts.map { T295Num(it, 0) }.sorted().first().v
        return mine - theirs
    }

    override fun toString() = parts.toString()
}

fun t295list(n: Int, seed: Int, range: Int): List<T295Num> {
    var s = seed
    return (0 until n).map { i ->
        s = (s * 1103515245 + 12345) and 0x7fffffff
        T295Num((s shr 8) % range, i)
    }
}

fun main() = runBlocking {
    for (n in listOf(31, 32, 33, 64, 100)) {
        for ((seed, range) in listOf(1 to 4, 2 to 1000)) {
            val xs = t295list(n, seed, range)
            t295calls = 0
            val sorted = xs.sorted()
            println("n=$n range=$range called=${t295calls > 0}: ${sorted.joinToString(" ") { "$it" }}")
            println("  descending: ${xs.sortedDescending().joinToString(" ") { "$it" }}")
            println("  max ${xs.max()} min ${xs.min()}")
        }
    }
    val reversed = (0 until 40).map { T295Num(40 - it, it) }
    println("reversed 40: ${reversed.sorted().joinToString(" ") { "$it" }}")
    val nested = listOf(T295Nested(listOf(5, 3)), T295Nested(listOf(9, 1)), T295Nested(listOf(2, 8)))
    println("nested: ${nested.sorted().joinToString(" ") { "$it" }}")
    val inCoroutine = async {
        t295list(50, 3, 10).sortedBy { it }.joinToString(" ") { "$it" }
    }
    println("in a coroutine: ${inCoroutine.await()}")
}
