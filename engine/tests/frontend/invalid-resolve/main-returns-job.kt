import kotlinx.coroutines.*

// The block's last expression is what runBlocking returns, and so what main returns.
fun main() = runBlocking {
    println("start")
    launch { delay(100); println("done") }
}
