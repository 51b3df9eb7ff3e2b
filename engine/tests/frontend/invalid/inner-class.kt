class Repository {
    inner class Cache {
        val size = 0
    }
}

fun main() {
    println("main")
}
