// Rule: sortedWith and sortWith take compareBy (one or several selectors), compareByDescending, thenBy/thenByDescending, naturalOrder() and reverseOrder(); sort, sortDescending, sortBy and sortByDescending sort a mutable list in place; every sort is stable and null sorts first.
data class C184Person(val name: String, val age: Int, val city: String?)

fun main() {
    val people = listOf(
        C184Person("bo", 30, "x"), C184Person("al", 25, null), C184Person("cy", 30, "a"),
        C184Person("di", 25, "b"), C184Person("al", 20, "c"), C184Person("ed", 30, null)
    )
    println(people.sortedWith(compareBy { it.age }).map { it.name })
    println(people.sortedWith(compareBy({ it.age }, { it.name })).map { "${it.name}${it.age}" })
    println(people.sortedWith(compareByDescending<C184Person> { it.age }.thenBy { it.name }).map { it.name })
    println(people.sortedWith(compareBy<C184Person> { it.city }.thenByDescending { it.name }).map { "${it.name}:${it.city}" })
    println(people.sortedWith(compareBy<C184Person> { it.age }.thenBy { it.city }.thenByDescending { it.name }).map { it.name })
    println(people.map { it.age }.sortedWith(reverseOrder()))
    println(people.map { it.name }.sortedWith(naturalOrder()))
    println(people.map { it.age }.sortedDescending())
    val crowd = people.toMutableList()
    crowd.sortBy { it.name }
    println(crowd.map { "${it.name}${it.age}" })
    crowd.sortByDescending { it.age }
    println(crowd.map { "${it.name}${it.age}" })
    crowd.sortWith(compareBy({ it.city }, { it.age }))
    println(crowd.map { "${it.name}:${it.city}" })
    val numbers = mutableListOf(3, 1, 2, 5, 4)
    numbers.sort()
    println(numbers)
    numbers.sortDescending()
    println(numbers)
    val words = mutableListOf("pear", "fig", "apple", "kiwi").apply { sortBy { it.length } }
    println(words)
    println(mutableListOf("b", "a", "c").apply { sort() })
    val empty = mutableListOf<Int>()
    empty.sortBy { -it }
    println(empty)
    println(listOf("x", "yy", "z").sortedWith(compareBy { it.length }))
}
