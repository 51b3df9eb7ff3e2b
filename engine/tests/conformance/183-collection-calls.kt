// Rule: filterNotNull, flatten, associate { k to v } (a later pair for the same key replaces the value and keeps the key's place), zipWithNext with and without a transform, mapIndexedNotNull, dropWhile (a String gives a String) and String.firstOrNull()/lastOrNull() give the JVM's results and print forms: Lists, a Map, Pairs and null for an empty String.
fun main() {
    val xs = listOf(3, null, 1, null, 2)
    val kept = xs.filterNotNull()
    println("C1 $kept ${kept is List<*>} ${kept.sum()} ${listOf<String?>(null).filterNotNull()}")
    val nested = listOf(listOf(1, 2), listOf(), listOf(3))
    println("C2 ${nested.flatten()} ${listOf(setOf("a"), setOf("b", "c")).flatten()} ${listOf(listOf<Int>()).flatten()}")
    val words = listOf("apple", "avocado", "banana")
    val byFirst = words.associate { it.first() to it.length }
    println("C3 $byFirst ${byFirst is Map<*, *>} ${byFirst['a']} ${words.associate { it to it.length }}")
    println("C4 ${listOf(1, 4, 9, 16).zipWithNext()} ${listOf(1).zipWithNext()} ${listOf<Int>().zipWithNext()}")
    println("C5 ${listOf(1, 4, 9, 16).zipWithNext { a, b -> b - a }} ${"abcd".toList().zipWithNext { a, b -> "$a$b" }}")
    println("C6 ${listOf(10, 20, 30, 40).mapIndexedNotNull { i, v -> if (i % 2 == 0) v + i else null }} ${listOf("a", "b").mapIndexedNotNull { i, s -> s.takeIf { i > 5 } }}")
    println("C7 ${"kotlin".firstOrNull()} ${"kotlin".lastOrNull()} ${"".firstOrNull()} ${"".lastOrNull()} ${"kotlin".firstOrNull { it > 'n' }} ${"kotlin".lastOrNull { it < 'l' }}")
    println("C8 ${listOf(1, 2, 3, 1).dropWhile { it < 3 }} ${listOf(1, 2).dropWhile { it < 5 }} ${"  ab c".dropWhile { it == ' ' }}|")
}
