// Rule: In supervisorScope, runCatching { deferred.await() } turns each async's outcome into a value: a failure is kept as its exception and the other calls still complete.
import kotlinx.coroutines.*
import java.io.IOException

suspend fun c086CallA(): String {
    delay(200)
    return "A data"
}

suspend fun c086CallB(): String {
    delay(100)
    throw IOException("B unreachable")
}

fun main() = runBlocking {
    val outcomes = supervisorScope {
        val da = async { c086CallA() }
        val db = async { c086CallB() }
        listOf(runCatching { da.await() }, runCatching { db.await() })
    }
    val a = outcomes[0]
    val b = outcomes[1]
    println("A: success = ${a.isSuccess}, value = ${a.getOrNull()}")
    println("B: success = ${b.isSuccess}, value = ${b.getOrNull()}, error = ${b.exceptionOrNull()}")
}
