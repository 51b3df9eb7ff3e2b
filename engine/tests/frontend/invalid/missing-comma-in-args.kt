import kotlinx.coroutines.*

fun main() = runBlocking {
    launch(Dispatchers.Default CoroutineName("worker")) {
        println("working")
    }
}
