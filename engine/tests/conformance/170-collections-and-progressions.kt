// Rule: set equality ignores order and a List never equals a Set; a map's entries print as key=value and have key and value; filter, filterNot, filterKeys and filterValues on a map give a Map, mapValues and mapKeys a Map, map a List; map.forEach takes an entry or a key and a value; chunked and windowed take a transform; zip takes any Iterable and a transform; single and singleOrNull take a predicate; a progression made by downTo, step or reversed() prints its step, a range made by .. or until does not.

fun c170Label(name: String, value: Any?) {
    println("$name: $value")
}

fun main() {
    println("== sets")
    c170Label("setOf(1, 2) == setOf(2, 1)", setOf(1, 2) == setOf(2, 1))
    c170Label("mutable == immutable", mutableSetOf("a", "b", "c") == setOf("c", "a", "b"))
    c170Label("different sizes", setOf(1, 2) == setOf(1, 2, 3))
    c170Label("list == set", listOf(1, 2) == setOf(1, 2))
    c170Label("list == list reordered", listOf(1, 2) == listOf(2, 1))
    c170Label("map == map reordered", mapOf("a" to 1, "b" to 2) == mapOf("b" to 2, "a" to 1))

    println("== entries")
    val scores = mapOf("b" to 2, "a" to 3, "c" to 1)
    c170Label("entries", scores.entries)
    val first = scores.entries.first()
    c170Label("first entry", first)
    c170Label("first key", first.key)
    c170Label("first value", first.value)
    c170Label("toPair", first.toPair())
    c170Label("toList", scores.toList())
    c170Label("maxBy value", scores.maxBy { it.value })
    c170Label("sortedBy value", scores.entries.sortedBy { it.value })
    for ((k, v) in scores) println("destructured $k -> $v")
    for (e in scores) println("entry $e has ${e.key} and ${e.value}")

    println("== map functions")
    c170Label("filter", scores.filter { it.value > 1 })
    c170Label("filterNot", scores.filterNot { it.value > 1 })
    c170Label("filterKeys", scores.filterKeys { it != "a" })
    c170Label("filterValues", scores.filterValues { it == 3 })
    c170Label("filter then get", scores.filter { it.key < "c" }["a"])
    c170Label("map", scores.map { "${it.key}${it.value}" })
    c170Label("mapValues", scores.mapValues { it.value * 10 })
    c170Label("mapKeys", scores.mapKeys { it.key.repeat(2) })
    scores.forEach { (k, v) -> println("forEach destructured $k=$v") }
    scores.forEach { k, v -> println("forEach two params $k/$v") }
    scores.forEach { println("forEach it ${it.key}:${it.value}") }
    c170Label("list filter", listOf(3, 1, 4, 1, 5).filter { it > 2 })

    println("== chunked, windowed, zip")
    val letters = listOf("a", "b", "c", "d", "e")
    c170Label("chunked", letters.chunked(2))
    c170Label("chunked transform", letters.chunked(2) { it.joinToString("+") })
    c170Label("windowed 3", letters.windowed(3))
    c170Label("windowed 2 step 2", letters.windowed(2, 2))
    c170Label("windowed partial", letters.windowed(2, 2, true))
    c170Label("windowed transform", listOf(1, 2, 3, 4).windowed(2) { it.sum() })
    c170Label("zip range", listOf("a", "b", "c").zip(1..3))
    c170Label("zip shorter range", letters.zip(1..2))
    c170Label("zip set", listOf("x", "y").zip(setOf(true, false)))
    c170Label("zip transform", listOf("a", "b", "c").zip(listOf(1, 2)) { s, n -> s.repeat(n) })
    c170Label("range zip list", (1..3).zip(listOf("one", "two", "three")))

    println("== single")
    c170Label("single", listOf("a", "b", "c").single { it == "b" })
    c170Label("single no predicate", listOf(7).single())
    c170Label("singleOrNull none", listOf("a", "b", "c").singleOrNull { it == "x" })
    c170Label("singleOrNull two", listOf("a", "b", "b").singleOrNull { it == "b" })
    c170Label("singleOrNull one", listOf(1, 2, 3).singleOrNull { it % 2 == 0 })
    try {
        listOf("a").single { it == "x" }
    } catch (e: NoSuchElementException) {
        c170Label("single none", e)
    }
    try {
        listOf("a", "a").single { it == "a" }
    } catch (e: IllegalArgumentException) {
        c170Label("single two", e)
    }

    println("== progressions")
    c170Label("4 downTo 1", 4 downTo 1)
    c170Label("(1..4).reversed()", (1..4).reversed())
    c170Label("1..10 step 3", 1..10 step 3)
    c170Label("1..10 step 4", 1..10 step 4)
    c170Label("10 downTo 1 step 3", 10 downTo 1 step 3)
    c170Label("1..4 step 1", 1..4 step 1)
    c170Label("1..4", 1..4)
    c170Label("0 until 3", 0 until 3)
    c170Label("5..1", 5..1)
    c170Label("'a'..'e'", 'a'..'e')
    c170Label("'a'..'e' step 2", 'a'..'e' step 2)
    c170Label("1L..3L", 1L..3L)
    c170Label("3L downTo 1L", 3L downTo 1L)
    c170Label("(1..0).reversed()", (1..0).reversed())
    c170Label("(1..9 step 4).reversed()", (1..9 step 4).reversed())
    c170Label("reversed toList", (1..4).reversed().toList())
    c170Label("indices", listOf("a", "b").indices)
}
