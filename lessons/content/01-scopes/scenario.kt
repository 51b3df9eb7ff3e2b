// Lesson 1, scope boundaries: coroutineScope is all or nothing.
import kotlinx.coroutines.*

val failing = "B" // @param one of "none", "A", "B" "Which call fails"
val aMs = 300 // @param 50..1000 step 50 "callA takes (ms)"
val bMs = 100 // @param 50..1000 step 50 "callB takes (ms)"

// A remote call: waits `ms`, then fails if it is the failing one.
suspend fun call(name: String, ms: Int, value: Int): Int {
    try {
        delay(ms.toLong())
    } catch (e: CancellationException) {
        println("$name: cancelled")
        throw e
    }
    if (failing == name) {
        println("$name: failing")
        throw IllegalStateException("$name failed")
    }
    println("$name: done")
    return value
}

suspend fun callA() = call("A", aMs, 1)
suspend fun callB() = call("B", bMs, 2)

// Dangerous: one failure kills the whole request.
suspend fun fetchMetaData() = coroutineScope {
    val a = async(CoroutineName("A")) { callA() }
    val b = async(CoroutineName("B")) { callB() } // if B fails, A is cancelled!
    a.await() + b.await()
}

fun main() = runBlocking {
    try {
        println("result: ${fetchMetaData()}")
    } catch (e: Exception) {
        println("fetch failed: $e")
    }
}
