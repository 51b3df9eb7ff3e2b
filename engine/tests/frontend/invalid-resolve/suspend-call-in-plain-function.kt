import kotlinx.coroutines.*

fun loadUser(): String {
    delay(100)
    return "user"
}

fun main() = runBlocking {
    println(loadUser())
}
