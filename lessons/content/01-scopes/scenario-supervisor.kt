// Lesson 1, scope boundaries: supervisorScope keeps failures local.
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

// Resilient: failures are isolated.
suspend fun fetchMetaDataSafe() = supervisorScope {
    val a = async(CoroutineName("A")) { callA() }
    val b = async(CoroutineName("B")) { runCatching { callB() }.getOrNull() }
    a.await() to b.await()
}

fun main() = runBlocking {
    try {
        println("result: ${fetchMetaDataSafe()}")
    } catch (e: Exception) {
        println("fetch failed: $e")
    }
}
