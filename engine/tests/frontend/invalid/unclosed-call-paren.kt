import kotlinx.coroutines.*

fun main() = runBlocking {
    val job = launch(Dispatchers.Default {
        println("working")
    }
    job.join()
}
