// Rule: a ConcurrentHashMap iterates (prints, keys, values, entries, forEach) in its table's order, as a HashMap does, not in insertion order; it doubles its table when its entries reach three quarters of it (12 of 16), one entry before a HashMap; a key removed and put again keeps its bucket's place.
import java.util.concurrent.ConcurrentHashMap
import kotlinx.coroutines.*

fun main() = runBlocking<Unit> {
    val fruit = ConcurrentHashMap<String, Int>()
    for (w in listOf("banana", "apple", "cherry", "date", "elderberry", "fig", "grape")) fruit[w] = w.length
    println(fruit)
    println(fruit.keys)
    println(fruit.values)
    fruit.remove("banana")
    fruit["banana"] = 0
    println(fruit)
    for (n in listOf(11, 12, 13, 24, 25)) {
        val users = ConcurrentHashMap<String, Int>()
        for (i in 0 until n) users["user-$i"] = i
        val plain = HashMap<String, Int>()
        for (i in 0 until n) plain["user-$i"] = i
        println("$n: ${users.keys}")
        println("$n as HashMap: ${plain.keys}")
    }
    val many = ConcurrentHashMap<String, Int>()
    for (i in 0 until 200) many["session-${i * 7}"] = i
    println(many.keys.take(40))
    println(many.keys.toList().takeLast(20))
    val numbers = ConcurrentHashMap<Long, Int>()
    for (i in 0 until 100) numbers[i * 1_000_003L] = i
    println(numbers.keys.take(30))
    val ids = ConcurrentHashMap<Int, Int>()
    for (i in listOf(42, 7, 100, 3, 64, 17, 16, 32)) ids[i] = i * 2
    ids.forEach { (k, v) -> print("$k:$v ") }
    println()
    for ((k, v) in ids.entries) print("$k=$v ")
    println()
    val hits = ConcurrentHashMap<String, Int>()
    val pages = listOf("home", "cart", "search", "profile", "checkout")
    coroutineScope {
        repeat(50) { i ->
            launch(Dispatchers.Default) {
                hits.merge(pages[i % pages.size], 1, Int::plus)
            }
        }
    }
    println(hits)
}
