import kotlinx.coroutines.*

fun main() = runBlocking {
    launch {
        delay(100)
        println("done")
    // The learner forgot the brace that closes `launch`.
}
