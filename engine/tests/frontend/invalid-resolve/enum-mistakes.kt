import Color.PINK

enum class Color { RED, GREEN, BLUE }

enum class Priority(val weight: Int) {
    LOW(1), HIGH;

    fun boosted() = weight * 2
}

enum class Named(val name: String) { A("a") }

enum class Twice { ONE, TWO, ONE }

data enum class Broken { X }

enum class Runner : Runnable { FAST; override fun run() {} }

fun describe(c: Color) = when (c) {
    Color.RED -> "red"
    Color.GREEN -> "green"
}

fun covered(c: Color?) = when (c) {
    Color.RED, Color.GREEN -> 1
    Color.BLUE -> 2
    null -> 0
}

fun main() {
    println(Color.PURPLE)
    println(Color.GREN)
    val c = Color(1)
    println(Color.random())
    println(enumValues<String>())
    println(RED)
    Color.RED.ordinal = 3
    println(c)
}
