import kotlinx.coroutines.*

fun main() = runBlocking {
    corotineScope {
        launch { println("child") }
    }
}
