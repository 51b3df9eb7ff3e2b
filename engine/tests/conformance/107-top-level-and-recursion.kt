// Rule: Top-level vals and vars are shared by all functions; functions can call themselves recursively, with Long results where Int would overflow.
val c107Greeting = "fib and factorial"
var c107Calls = 0

fun c107Factorial(n: Int): Long {
    c107Calls++
    return if (n <= 1) 1L else n * c107Factorial(n - 1)
}

fun c107Fib(n: Int): Int = if (n < 2) n else c107Fib(n - 1) + c107Fib(n - 2)

fun c107Sum(list: List<Int>, index: Int): Int =
    if (index == list.size) 0 else list[index] + c107Sum(list, index + 1)

fun main() {
    println(c107Greeting)
    println(c107Factorial(5))
    println(c107Factorial(20))
    println("calls = $c107Calls")
    println(c107Fib(20))
    println(c107Sum(listOf(4, 5, 6), 0))
    c107Calls = 0
    c107Factorial(3)
    println("calls after reset = $c107Calls")
}
