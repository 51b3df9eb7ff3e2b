import kotlinx.coroutines.*

suspend fun fetchMetaData() = coroutineScope {
    val a = async { callA() }
    a.await()
}

fun main() = runBlocking {
    println(fetchMetaData())
}
