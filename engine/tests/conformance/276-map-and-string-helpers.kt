// Rule: `removePrefix`/`removeSuffix`/`removeSurrounding`, `Map.getValue` (NoSuchElementException for a missing key), pairs to a map with `toMap()`, `map + pair`/`map - key`, `putIfAbsent`, `putAll`, `computeIfAbsent` and `merge` on every kind of map, `toSortedMap()` and `ifEmpty`/`ifBlank` give what the JVM gives.
import java.util.concurrent.ConcurrentHashMap

data class C276User(val id: Int, val name: String)

fun c276Load(id: Int): C276User {
    println("loading $id")
    return C276User(id, "user$id")
}

fun main() {
    println("== strings")
    println("report.csv".removeSuffix(".csv"))
    println("report.csv".removeSuffix(".txt"))
    println("/api/users".removePrefix("/api"))
    println("/api/users".removePrefix("api"))
    println("[tag]".removeSurrounding("[", "]"))
    println("[tag".removeSurrounding("[", "]"))
    println("\"quoted\"".removeSurrounding("\""))
    println("\"".removeSurrounding("\"") + "|")
    println("".ifEmpty { "empty" })
    println("x".ifEmpty { "empty" })
    println("   ".ifBlank { "blank" })
    println(" y ".ifBlank { "blank" })
    println(listOf<Int>().ifEmpty { listOf(0) })
    println(listOf(1, 2).ifEmpty { listOf(0) })

    println("== getValue")
    val ages = mapOf("ann" to 31, "bob" to 42)
    println(ages.getValue("bob"))
    try {
        ages.getValue("cid")
    } catch (e: NoSuchElementException) {
        println(e)
    }
    try {
        mapOf(1 to "a").getValue(7)
    } catch (e: Exception) {
        println("${e.javaClass.name}: ${e.message}")
    }

    println("== toMap, plus, minus")
    val pairs = listOf("b" to 2, "a" to 1, "b" to 3)
    val m = pairs.toMap()
    println(m)
    println(m.size)
    println(emptyList<Pair<String, Int>>().toMap())
    println(m + ("c" to 4))
    println(m + ("b" to 9))
    println(m + mapOf("z" to 0, "a" to 5))
    println(m - "b")
    println(m - "nope")
    println(m)
    val copy = m.toMutableMap()
    copy["q"] = 7
    println(copy)
    println(m)
    println(m.count())

    println("== putIfAbsent, putAll")
    val settings = mutableMapOf("mode" to "fast")
    println(settings.putIfAbsent("mode", "slow"))
    println(settings.putIfAbsent("size", "big"))
    settings.putAll(mapOf("mode" to "safe", "retries" to "3"))
    println(settings)

    println("== computeIfAbsent")
    val cache = HashMap<Int, C276User>()
    println(cache.computeIfAbsent(20) { c276Load(it) })
    println(cache.computeIfAbsent(3) { id -> c276Load(id) })
    println(cache.computeIfAbsent(20) { c276Load(it) })
    println(cache)
    val byLength = mutableMapOf<Int, MutableList<String>>()
    for (w in listOf("kotlin", "job", "scope", "flow", "channel", "actor")) {
        byLength.computeIfAbsent(w.length) { mutableListOf() }.add(w)
    }
    println(byLength)
    val sessions = ConcurrentHashMap<String, Int>()
    println(sessions.computeIfAbsent("alice") { it.length })
    println(sessions.computeIfAbsent("alice") { 99 })
    println(sessions)

    println("== merge")
    val counts = mutableMapOf<String, Int>()
    for (w in "a b a c b a".split(" ")) {
        counts.merge(w, 1, Int::plus)
    }
    println(counts)
    val stock = HashMap<String, Int>()
    stock["apple"] = 2
    stock["pear"] = 1
    println(stock.merge("apple", 5) { old, add -> old + add })
    println(stock.merge("kiwi", 4) { old, add -> old + add })
    println(stock.merge("pear", 1) { old, add -> if (old - add == 0) null else old - add })
    println(stock)

    println("== toSortedMap")
    val scores = hashMapOf("carol" to 7, "alice" to 9, "bob" to 8)
    val sorted = scores.toSortedMap()
    println(sorted)
    sorted["aaron"] = 1
    sorted["dave"] = 2
    sorted["bob"] = 0
    println(sorted)
    println(sorted.keys)
    println(mapOf(3 to "c", 1 to "a", 2 to "b").toSortedMap().values)
}
