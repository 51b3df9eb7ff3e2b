// Rule: Two asyncs in a coroutineScope run concurrently: awaiting both takes as long as the slower one, not the sum.
import kotlinx.coroutines.*

suspend fun c078CallA(): String {
    delay(300)
    return "A"
}

suspend fun c078CallB(): String {
    delay(200)
    return "B"
}

suspend fun c078FetchMetaData(): String = coroutineScope {
    val a = async { c078CallA() }
    val b = async { c078CallB() }
    a.await() + b.await()
}

fun main() = runBlocking {
    yield()
    val start = System.currentTimeMillis()
    val sequential = c078CallA() + c078CallB()
    println("sequential: $sequential in ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    val middle = System.currentTimeMillis()
    val concurrent = c078FetchMetaData()
    println("concurrent: $concurrent in ${(System.currentTimeMillis() - middle) / 100 * 100} ms")
}
