// A `when` whose value is used must be exhaustive, as kotlinc checks: an `else`, every
// subclass of a sealed class, every entry of an enum, or true and false. A `when` used as a
// statement needs none of them.
sealed class Shape
class Circle(val r: Double) : Shape()
class Square(val side: Double) : Shape()
object Dot : Shape()
enum class Level { LOW, HIGH }

fun area(s: Shape): Double = when (s) {
    is Circle -> 3.0 * s.r * s.r
    is Square -> s.side * s.side
}

fun name(s: Shape): String {
    return when (s) {
        is Circle -> "circle"
    }
}

fun sign(n: Int) = when {
    n > 0 -> 1
    n < 0 -> -1
}

fun word(n: Int) = when (n) {
    1 -> "one"
    2 -> "two"
}

// Exhaustive, or a statement: no error.
fun whole(s: Shape): String = when (s) {
    is Circle, is Square -> "solid"
    Dot -> "dot"
}
fun flag(b: Boolean) = when (b) {
    true -> 1
    false -> 0
}
fun log(x: Any) {
    when (x) {
        Level.LOW -> println("low")
        is Circle -> println("circle")
    }
}

fun main() {
    val level = when (Level.HIGH) {
        Level.LOW -> 1
    }
    println(area(Dot) + level)
}
