import kotlinx.coroutines.*

fun main() {
    delay(100)
    println("done")
}
