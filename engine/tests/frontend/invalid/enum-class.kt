enum class Mode { FAST, SLOW }

enum class Shape {
    CIRCLE { fun area() = 3 },
    SQUARE
    fun sides() = 4
}

enum fun helper() = 1

fun main() {
    println(Mode.FAST)
}
