// Rule: a few library functions on strings and collections: String.toSet() (the characters once each, in order), toCharArray(), Char + String, and filterIsInstance<T>() over built-in types and a sealed hierarchy.

sealed class S299Shape
class S299Circle(val r: Int) : S299Shape()
class S299Square(val a: Int) : S299Shape()

fun main() {
    println("Mississippi".toSet())
    println("Mississippi".toSet().size)
    val cs = "hello".toCharArray()
    println(cs.size)
    println(cs.joinToString("-"))
    println(cs.toList().sorted())
    println('a' + "bc")
    println('x' + 1)
    val mixed: List<Any> = listOf(1, "two", 3.0, "four", 5)
    println(mixed.filterIsInstance<String>())
    println(mixed.filterIsInstance<Int>().sum())
    val shapes: List<S299Shape> = listOf(S299Circle(1), S299Square(2), S299Circle(3))
    println(shapes.filterIsInstance<S299Circle>().map { it.r })
    println(shapes.filterIsInstance<S299Square>().size)
}
