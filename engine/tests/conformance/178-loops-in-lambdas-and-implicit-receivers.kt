// Rule: a loop inside an inlined lambda may break and continue; an extension's body calls its receiver's collection helpers without `this.`; a user's `run(x: Int)` leaves `run { }` to the standard library.
private fun run(x: Int) = x * 2
private fun repeat(text: String) = text + text

fun List<Int>.c178Incremented(): List<Int> = map { it + 1 }
fun List<Int>.c178Evens() = filter { it % 2 == 0 }
fun List<Int>.c178Total() = sumBy { it * 10 }
fun String.c178Vowels() = count { it in "aeiou" }
fun List<String>.c178Shout() = map { it.toUpperCase() }.joinToString(" ")
fun List<Int>.c178FirstBig() = firstOrNull { it > 2 }

fun main() {
    // A loop inside run { }, left with break.
    val found = run {
        var first = -1
        for (i in 1..10) {
            if (i * i > 20) {
                first = i
                break
            }
        }
        first
    }
    println("found $found")
    // A loop inside forEach, with break and continue.
    listOf(1, 2, 3).forEach { x ->
        for (i in 1..5) {
            if (i == 2) continue
            if (i > x + 1) break
            print("$x:$i ")
        }
    }
    println()
    // while inside let.
    val steps = 40.let { start ->
        var n = start
        var count = 0
        while (true) {
            if (n == 1) break
            n = if (n % 2 == 0) n / 2 else 3 * n + 1
            count++
        }
        count
    }
    println("collatz steps $steps")
    // Implicit receivers in extensions.
    println(listOf(1, 2, 3).c178Incremented())
    println(listOf(1, 2, 3, 4).c178Evens())
    println(listOf(1, 2).c178Total())
    println("education".c178Vowels())
    println(listOf("a", "b").c178Shout())
    println(listOf(1, 5).c178FirstBig())
    with(listOf(5, 6)) { println(map { it * 10 }) }
    // The user's functions and the standard ones side by side.
    println(run(3))
    println(run { "standard run" })
    println(repeat("ab"))
    repeat(2) { println("repeat $it") }
}
