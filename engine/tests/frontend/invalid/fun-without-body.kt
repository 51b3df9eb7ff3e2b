suspend fun loadUser(id: Int): String

fun main() {
    println("main")
}
