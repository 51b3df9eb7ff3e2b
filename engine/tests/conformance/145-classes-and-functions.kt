// Rule: classes, objects and functions around coroutines: an object with private state, a class with a default constructor argument and a private method, a generic suspend retry helper taking a suspend lambda, an extension function with a default argument, vararg, function values, mapIndexed launches, groupBy.
import kotlinx.coroutines.*

object C145Metrics {
    private var calls = 0
    val names = mutableListOf<String>()
    fun record(name: String) {
        calls++
        names += name
    }
    fun summary() = "calls=$calls names=$names"
}

class C145Service(private val label: String, var retries: Int = 2) {
    suspend fun fetch(attempt: Int): String {
        delay(20)
        C145Metrics.record("$label#$attempt")
        if (attempt < retries) throw IllegalStateException("attempt $attempt failed")
        return describe(attempt)
    }
    private fun describe(attempt: Int) = "$label ok after $attempt"
}

suspend fun <T> c145Retry(times: Int, block: suspend (Int) -> T): T {
    var last: Throwable? = null
    for (i in 0..times) {
        try {
            return block(i)
        } catch (e: IllegalStateException) {
            last = e
            println("retrying after: ${e.message}")
        }
    }
    throw last!!
}

fun String.c145Shout(times: Int = 1) = this.toUpperCase() + "!".repeat(times)

fun c145Total(vararg xs: Int): Int {
    var t = 0
    for (x in xs) t += x
    return t
}

fun main() = runBlocking {
    val service = C145Service("orders", retries = 2)
    println(c145Retry(3) { attempt -> service.fetch(attempt) })
    println(C145Metrics.summary())
    val square: (Int) -> Int = { it * it }
    val apply2 = { f: (Int) -> Int, x: Int -> f(f(x)) }
    println(apply2(square, 3))
    println("hey".c145Shout(3))
    println(c145Total(1, 2, 3))
    val results = mutableListOf<String>()
    val jobs = listOf("a", "b", "c").mapIndexed { i, name ->
        launch {
            delay(30L - i * 10)
            results.add(name)
        }
    }
    jobs.forEach { it.join() }
    println(results)
    var counter = 0
    repeat(3) { counter += it }
    println(counter)
    val grouped = listOf("apple", "avocado", "banana").groupBy { it.first() }
    println(grouped)
    println(listOf(5, 3, 8).max())
    service.retries = 0
    println(service.fetch(0))
}
