// Lambdas with `it`, named, typed, destructured and `_` parameters; trailing lambdas; named
// arguments; explicit type arguments.
import kotlinx.coroutines.*

fun twice(block: () -> Unit) {
    block()
    block()
}

suspend fun <T> timed(label: String, block: suspend CoroutineScope.() -> T): T = coroutineScope {
    val result = block()
    println("$label done")
    result
}

fun log(vararg parts: String) = println(parts.joinToString(" "))

fun main() = runBlocking {
    val numbers = listOf(1, 2, 3, 4)
    numbers.forEach { println(it) }
    numbers.forEach { n -> println(n * 2) }
    val total = numbers.filter { it % 2 == 0 }.map { it * 10 }.sum()
    println("total = $total, count = ${numbers.count { it > 1 }}")
    val pairs = listOf(1 to "one", 2 to "two")
    pairs.forEach { (number, word) -> println("$number is $word") }
    val sum: (Int, Int) -> Int = { a: Int, b: Int -> a + b }
    println(sum(2, 3))
    val noArgs = { -> "nothing" }
    println(noArgs())
    repeat(3) { i -> println("round $i") }
    val squares = List(3) { it * it }
    println(squares)
    twice { println("twice") }
    log("a", "b", *arrayOf("c"))
    val handler = CoroutineExceptionHandler { _, e -> println("caught $e") }
    val lazy = launch(start = CoroutineStart.LAZY) { println("lazy started") }
    val answer = async<Int> { 42 }
    val deferreds = List(2) { index -> async(Dispatchers.Default) { index + 1 } }
    println(deferreds.awaitAll().sum())
    lazy.start()
    println(answer.await())
    launch(Dispatchers.Default + CoroutineName("worker"), block = { println("named block") }).join()
    println(timed("work") { delay(10); 7 })
    launch(handler) {}.join()
    val mutable = mutableListOf<Int>()
    mutable += 1
    mutable.add(2)
    println(mutable)
}
