// Rule: sortedBy, sortedByDescending, sortBy and sortedWith(compareBy(...)) with keys whose class implements Comparable call the keys' own compareTo through compareValues: the same key object on both sides is equal without a call, a null key comes first without a call, a descending key compares the second element's key with the first's, and a later key is compared only when the earlier ones are equal.

class T294Rank(val level: Int, val title: String) : Comparable<T294Rank> {
    override fun compareTo(other: T294Rank): Int {
        println("  $title ? ${other.title}")
        return level - other.level
    }

    override fun toString() = title
}

class T294Person(val name: String, val rank: T294Rank?, val age: Int) {
    override fun toString() = name
}

fun t294show(xs: List<T294Person>) = xs.joinToString(" ") { "$it" }

fun main() {
    val junior = T294Rank(1, "junior")
    val senior = T294Rank(3, "senior")
    val mid = T294Rank(2, "mid")
    val otherMid = T294Rank(2, "mid'")
    val people = listOf(
        T294Person("Ann", senior, 40),
        T294Person("Bob", junior, 25),
        T294Person("Cid", mid, 31),
        T294Person("Dee", senior, 35),
        T294Person("Eve", otherMid, 29)
    )
    println("sortedBy")
    println("-> ${t294show(people.sortedBy { it.rank })}")
    println("sortedByDescending")
    println("-> ${t294show(people.sortedByDescending { it.rank })}")
    println("compareBy rank then age")
    println("-> ${t294show(people.sortedWith(compareBy({ it.rank }, { it.age })))}")
    println("compareByDescending rank thenBy name")
    println("-> ${t294show(people.sortedWith(compareByDescending<T294Person> { it.rank }.thenBy { it.name }))}")
    println("with a null rank")
    val withNull = people + T294Person("Fay", null, 50)
    println("-> ${t294show(withNull.sortedBy { it.rank })}")
    println("sortBy in place")
    val m = people.toMutableList()
    m.sortBy { it.rank }
    println("-> ${t294show(m)}")
    println("sortedWith(naturalOrder())")
    println("-> ${listOf(senior, junior, mid).sortedWith(naturalOrder()).joinToString(" ") { "$it" }}")
    println("sortedWith(reverseOrder())")
    println("-> ${listOf(junior, senior, mid).sortedWith(reverseOrder()).joinToString(" ") { "$it" }}")
}
