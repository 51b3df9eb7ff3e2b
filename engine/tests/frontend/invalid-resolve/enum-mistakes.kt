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
