// Rule: the entries of an enum class can be imported (`import Cls.*`, `import Cls.NAME`) and then named without their class, in expressions and in when branches; inside the enum class its entries and values() need no qualifier either.
import E228Dir.*
import E228Mode.SLOW

enum class E228Dir {
    NORTH, EAST, SOUTH, WEST;

    fun turnRight() = values()[(ordinal + 1) % values().size]
    fun opposite(): E228Dir = when (this) {
        NORTH -> SOUTH
        SOUTH -> NORTH
        EAST -> WEST
        WEST -> EAST
    }
    fun isVertical() = this == NORTH || this == SOUTH
}

enum class E228Mode { FAST, SLOW }

fun main() {
    var d = NORTH
    repeat(5) {
        print("$d ")
        d = d.turnRight()
    }
    println()
    println(WEST.opposite())
    println(E228Dir.EAST.opposite())
    println(listOf(NORTH, EAST).map { it.isVertical() })
    val label = when (d) {
        NORTH, SOUTH -> "vertical"
        EAST, WEST -> "horizontal"
    }
    println(label)
    println(SLOW)
    println(SLOW == E228Mode.SLOW)
    println(E228Mode.FAST < SLOW)
}
