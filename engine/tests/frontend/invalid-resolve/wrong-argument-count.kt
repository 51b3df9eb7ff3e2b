import kotlinx.coroutines.*

fun main() = runBlocking {
    delay()
    println("done")
}
