// Rule: A nested class may be imported by its qualified name (import Outer.Inner), the classes nested in one all at once (import Outer.*), and an entry of a nested enum class by its path (import Outer.Level.HIGH): they are then named without qualification anywhere in the file.
import N270Outer.Holder
import N270Event.*
import N270Outer.Level.HIGH

object N270Outer {
    class Holder(val v: Int)

    enum class Level { LOW, HIGH }
}

sealed class N270Event {
    data class Click(val x: Int) : N270Event()
    object Close : N270Event()
}

fun n270Handle(e: N270Event) = when (e) {
    is Click -> "click at ${e.x}"
    Close -> "close"
}

fun main() {
    println("1 " + Holder(3).v)
    println("2 " + n270Handle(Click(4)) + ", " + n270Handle(Close))
    println("3 " + HIGH + " " + HIGH.ordinal)
    val level = N270Outer.Level.LOW
    println("4 " + when (level) {
        HIGH -> "high"
        N270Outer.Level.LOW -> "low"
    })
    println("5 " + listOf(Click(1), Close).map { it is Click })
}
