// Rule: iterator() gives a Java iterator: hasNext() and next() walk the collection, remove() removes the element next() gave last from the list, set or map (a map's keys, values and entries included) without failing the iterator, and throws IllegalStateException before next() or twice in a row.
import java.util.concurrent.ConcurrentHashMap

fun main() {
    val queue = mutableListOf(3, 8, 1, 9, 4)
    val it = queue.iterator()
    while (it.hasNext()) {
        val x = it.next()
        if (x > 5) it.remove()
    }
    println(queue)

    val sessions = mutableMapOf("a" to 1, "b" to 0, "c" to 2, "d" to 0)
    val entries = sessions.entries.iterator()
    while (entries.hasNext()) {
        val e = entries.next()
        if (e.value == 0) entries.remove()
    }
    println(sessions)

    val byKey = hashMapOf("x" to 1, "y" to 2, "z" to 3)
    val keys = byKey.keys.iterator()
    while (keys.hasNext()) if (keys.next() == "y") keys.remove()
    println(byKey)

    val values = linkedMapOf("p" to 5, "q" to 6).values.iterator()
    values.next()
    values.remove()
    println(values.hasNext())

    val tags = mutableSetOf("red", "green", "blue")
    val t = tags.iterator()
    while (t.hasNext()) if (t.next().length > 3) t.remove()
    println(tags)

    val m = mutableMapOf(1 to "one", 2 to "two")
    val mi = m.iterator()
    mi.next()
    mi.remove()
    println(m)

    try {
        val again = mutableListOf(1, 2).iterator()
        again.next()
        again.remove()
        again.remove()
    } catch (e: IllegalStateException) {
        println("twice: $e")
    }
    try {
        val early = mutableListOf(1).iterator()
        early.remove()
    } catch (e: IllegalStateException) {
        println("early: $e")
    }
    try {
        val done = listOf(1).iterator()
        done.next()
        done.next()
    } catch (e: NoSuchElementException) {
        println("past the end: $e")
    }
    val list = mutableListOf(1, 2, 3)
    try {
        val li = list.iterator()
        li.next()
        list.add(4)
        li.next()
    } catch (e: ConcurrentModificationException) {
        println("changed under it: $e")
    }
    val chm = ConcurrentHashMap<String, Int>()
    chm["a"] = 1
    chm["b"] = 2
    val ci = chm.keys.iterator()
    while (ci.hasNext()) { ci.next(); ci.remove() }
    println(chm)
}
