import kotlinx.coroutines.*

fun main() = runBlocking {
    lauch {
        println("working")
    }
}
