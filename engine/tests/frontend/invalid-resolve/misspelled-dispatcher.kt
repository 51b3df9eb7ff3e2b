import kotlinx.coroutines.*

fun main() = runBlocking {
    withContext(Dispatchers.IOO) {
        println("on a pool thread")
    }
}
