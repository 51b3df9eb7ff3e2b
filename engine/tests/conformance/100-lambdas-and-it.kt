// Rule: Lambdas can be stored and called; a one-parameter lambda names its parameter it; lambdas capture and update local vars.
fun main() {
    val double = { x: Int -> x * 2 }
    println(double(21))
    val greet = { name: String -> "hi $name" }
    println(greet("Bob"))
    val nums = listOf(1, 2, 3, 4)
    println(nums.map { it * it })
    println(nums.filter { it % 2 == 0 })
    println(nums.map { n -> n + 100 })
    var total = 0
    nums.forEach { total += it }
    println("total = $total")
    val sayHello = { println("hello from a lambda with no parameters") }
    sayHello()
    sayHello()
    println(nums.count { it > 2 })
    println(nums.map { double(it) }.filter { it > 4 })
}
