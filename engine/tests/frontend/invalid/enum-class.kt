enum class Mode { FAST, SLOW }

fun main() {
    println("main")
}
