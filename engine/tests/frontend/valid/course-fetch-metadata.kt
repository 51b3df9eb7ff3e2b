// The article's scope-boundary sample, with the two calls it makes defined around it.
import kotlinx.coroutines.*

suspend fun callA(): Int {
    delay(100)
    println("A done")
    return 1
}

suspend fun callB(): Int {
    delay(50)
    throw IllegalStateException("B failed")
}

// Dangerous: One failure kills the whole request
suspend fun fetchMetaData() = coroutineScope {
    val a = async { callA() }
    val b = async { callB() } // if B fails, A is cancelled!
    a.await() + b.await()
}

// Resilient: Failures are isolated
suspend fun fetchMetaDataSafe() = supervisorScope {
    val a = async { callA() }
    val b = async { runCatching { callB() }.getOrNull() }
    a.await() to b.await()
}

fun main() = runBlocking {
    println(fetchMetaDataSafe())
    try {
        println(fetchMetaData())
    } catch (e: IllegalStateException) {
        println("fetchMetaData failed: ${e.message}")
    }
}
