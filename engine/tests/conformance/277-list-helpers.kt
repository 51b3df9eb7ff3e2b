// Rule: `slice` by a range and by indices (and its index errors), `union`/`intersect`/`subtract`, `containsAll`, `removeAll`/`retainAll` with a collection or a predicate, `removeIf`, `reverse()`, `takeWhile`, `distinctBy`, `indexOfLast`, `listOfNotNull`, `sumByDouble` and three-argument `maxOf`/`minOf` give what the JVM gives.
data class C277Task(val id: Int, val owner: String, val hours: Double)

fun main() {
    println("== slice")
    val xs = listOf(10, 20, 30, 40, 50)
    println(xs.slice(1..3))
    println(xs.slice(2 until 2))
    println(xs.slice(listOf(4, 0, 4)))
    println(xs.slice(setOf<Int>()))
    println(xs.slice(0..4 step 2))
    println(mutableListOf("a", "b", "c").slice(1..2))
    try {
        xs.slice(3..7)
    } catch (e: IndexOutOfBoundsException) {
        println(e)
    }
    try {
        xs.slice(listOf(1, 9))
    } catch (e: IndexOutOfBoundsException) {
        println(e)
    }
    try {
        mutableListOf(1, 2).slice(listOf(5))
    } catch (e: IndexOutOfBoundsException) {
        println(e)
    }

    println("== set operations")
    val a = listOf(3, 1, 2, 3)
    val b = setOf(2, 4, 3)
    println(a union b)
    println(a intersect b)
    println(a subtract b)
    println(b.union(a))
    println(b.intersect(listOf(9)))
    println((1..5).toSet() subtract (2..3))
    println(a.containsAll(listOf(1, 2)))
    println(a.containsAll(b))
    println(listOf<Int>().containsAll(listOf()))

    println("== removing")
    val ids = mutableListOf(1, 2, 3, 4, 5, 6)
    println(ids.removeAll(listOf(2, 4, 9)))
    println(ids)
    println(ids.removeAll(listOf(9)))
    println(ids.retainAll(setOf(1, 5, 6)))
    println(ids)
    val jobs = mutableListOf("a1", "b2", "a3", "c4")
    println(jobs.removeIf { it.startsWith("a") })
    println(jobs)
    println(jobs.removeIf { it.isEmpty() })
    val nums = mutableListOf(5, 8, 1, 9, 4)
    println(nums.removeAll { it > 6 })
    println(nums)
    println(nums.retainAll { it % 2 == 1 })
    println(nums)
    val tags = mutableSetOf("x", "yy", "zzz")
    println(tags.removeAll { it.length == 2 })
    println(tags)
    nums.add(7)
    nums.reverse()
    println(nums)

    println("== takeWhile, distinctBy, indexOfLast")
    println(listOf(1, 2, 5, 1, 7).takeWhile { it < 5 })
    println(listOf(9, 1).takeWhile { it < 5 })
    println("abc123def".takeWhile { it.isLetter() })
    val tasks = listOf(
        C277Task(1, "ann", 1.5), C277Task(2, "bob", 2.25), C277Task(3, "ann", 4.0), C277Task(4, "cid", 0.5)
    )
    println(tasks.distinctBy { it.owner }.map { it.id })
    println(listOf("apple", "avocado", "banana", "blueberry", "cherry").distinctBy { it.first() })
    println(tasks.indexOfLast { it.owner == "ann" })
    println(tasks.indexOfLast { it.owner == "zed" })
    println(tasks.indexOfFirst { it.owner == "ann" })

    println("== listOfNotNull, sumByDouble, maxOf")
    val maybe: String? = null
    println(listOfNotNull(maybe))
    println(listOfNotNull("x"))
    println(listOfNotNull("a", maybe, "b", null))
    println(tasks.sumByDouble { it.hours })
    println(listOf<C277Task>().sumByDouble { it.hours })
    println(maxOf(3, 9, 4))
    println(minOf(3, 9, -4))
    println(maxOf(2L, 7L, 5L))
    println(maxOf(1.5, -2.0, 0.5))
    println(maxOf("pear", "apple", "plum"))
}
