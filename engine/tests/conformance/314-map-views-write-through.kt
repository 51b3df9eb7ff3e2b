// Rule: a map's keys, values and entries are views: removing from them removes from the map, they show later changes of the map, and adding to them throws UnsupportedOperationException.
fun main() {
    val sessions = mutableMapOf("ann" to 3, "bob" to 0, "cid" to 7, "dee" to 0)
    println(sessions.keys.remove("bob"))
    println(sessions.keys.remove("zed"))
    println(sessions)
    sessions.values.removeIf { it == 0 }
    println(sessions)

    val cache = hashMapOf("k1" to 10L, "k2" to 25L, "k3" to 40L, "k4" to 5L)
    cache.entries.removeIf { it.value < 20 }
    println(cache)
    println(cache.keys.retainAll(listOf("k2", "k9")))
    println(cache)

    val scores = linkedMapOf("a" to 1, "b" to 2, "c" to 1, "d" to 2)
    println(scores.values.remove(1))
    println(scores)
    scores.keys.removeAll(listOf("b", "x"))
    println(scores)

    val keys = scores.keys
    val values = scores.values
    scores["e"] = 9
    println(keys)
    println(values)
    println(keys.size)
    println("e" in keys)
    for (k in keys) print("$k ")
    println()

    keys.clear()
    println(scores)
    println(scores.isEmpty())

    try {
        scores.keys.add("f")
    } catch (e: UnsupportedOperationException) {
        println("add: $e")
    }
}
