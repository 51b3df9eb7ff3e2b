// Rule: Lists print as [a, b, c]; listOf, mutableListOf, List(n) { }, indexing, size, map, filter, forEach, sum, count, contains and joinToString behave as in Kotlin.
fun main() {
    val nums = listOf(3, 1, 4, 1, 5)
    println(nums)
    println("size ${nums.size}, nums[2] = ${nums[2]}, first ${nums.first()}, last ${nums.last()}")
    println(nums.map { it * 10 })
    println(nums.filter { it > 2 })
    println("sum ${nums.sum()}, count ${nums.count()}, count of 1 ${nums.count { it == 1 }}")
    println(nums.joinToString())
    println(nums.joinToString(" | "))
    println(nums.joinToString(separator = "-", prefix = "<", postfix = ">"))
    println(List(4) { it * it })
    val names = mutableListOf("ann")
    names += "bob"
    names.add("cid")
    println(names)
    names.forEach { println("name $it") }
    println("contains bob = ${names.contains("bob")}, 4 in nums = ${4 in nums}, 9 in nums = ${9 in nums}")
    println(listOf<String>())
    println("empty: ${listOf<Int>().isEmpty()}, not empty: ${nums.isNotEmpty()}")
    println(listOf("x", "y") + listOf("z"))
    println(listOf(listOf(1, 2), listOf(3)))
    println(nums.indexOf(4))
}
