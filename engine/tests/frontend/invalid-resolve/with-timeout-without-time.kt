import kotlinx.coroutines.*

fun main() = runBlocking {
    withTimeout {
        delay(100)
    }
}
