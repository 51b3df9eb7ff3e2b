import kotlinx.coroutines.*

fun main() = runBlocking {
    val counter = 0
    repeat(10) {
        launch { counter++ }
    }
    println(counter)
}
