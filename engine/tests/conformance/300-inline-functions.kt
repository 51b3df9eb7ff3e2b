// Rule: a lambda passed to an inline function runs as part of its caller: it may call suspend functions (delay) where the caller may, from a top-level function, an extension function and one with several calls of the lambda; a plain lambda parameter of an inline function is still called like any other.

import kotlinx.coroutines.*

inline fun <T> i300timed(label: String, block: () -> T): T {
    val start = System.currentTimeMillis()
    val r = block()
    println("$label took about ${(System.currentTimeMillis() - start) / 50 * 50} ms")
    return r
}

inline fun i300twice(action: (Int) -> Unit) {
    action(1)
    action(2)
}

inline fun <T> List<T>.i300eachLogged(f: (T) -> Unit) {
    for (x in this) {
        println("item $x")
        f(x)
    }
}

fun main() = runBlocking<Unit> {
    val v = i300timed("calc") { 6 * 7 }
    println(v)
    i300timed("wait") { delay(100) }
    i300twice { n ->
        delay(10L * n)
        println("n=$n")
    }
    listOf("a", "b").i300eachLogged {
        delay(5)
        println(it.toUpperCase())
    }
    val job = launch { println(i300timed("in launch") { delay(60); "x" }) }
    job.join()
    val total = i300timed("sum") { (1..4).sum() }
    println(total)
}
