interface Repository {
    suspend fun load(): String
}

fun main() {
    println("main")
}
