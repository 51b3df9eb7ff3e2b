// A companion object belongs inside a class, one at most.
companion object Settings {
    val retries = 3
}

fun main() {
    println(Settings.retries)
}

// And a class has one at most.
class Pool {
    companion object {
        val size = 4
    }
    companion object Other {
        val name = "pool"
    }
}
