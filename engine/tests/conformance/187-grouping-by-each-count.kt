// Rule: groupingBy { key }.eachCount() counts the elements of each key and gives a Map whose keys come in the order they were first seen, for a List and for a String.
fun main() {
    val words = listOf("banana", "apple", "blueberry", "cherry", "avocado", "beet")
    val byFirst = words.groupingBy { it.first() }.eachCount()
    println("G1 $byFirst ${byFirst['b']} ${byFirst['z']}")
    println("G2 ${"mississippi".groupingBy { it }.eachCount()}")
    println("G3 ${listOf(3, 1, 3, 2, 1, 3).groupingBy { it }.eachCount()} ${listOf<Int>().groupingBy { it }.eachCount()}")
    val lengths = words.groupingBy { it.length }.eachCount()
    println("G4 $lengths ${lengths.filter { it.value > 1 }} ${lengths.maxBy { it.value }?.key}")
    for ((k, v) in "a b a c b a".split(" ").groupingBy { it }.eachCount()) println("G5 $k=$v")
}
