import kotlinx.coroutines.*

println("starting")

fun main() = runBlocking {
    println("inside")
}
