import kotlinx.coroutines.*

fun main() = runBlocking {
    println("started)
    delay(100)
    println("finished")
}
