// Rule: An object, an interface and an enum class may be nested in a class or an interface: the nested object is one instance, printed as Outer$Obj@… (its JVM name), a nested enum's entries are Outer.Kind.A, with values(), valueOf(), ordinal and a when over them that needs no else, and a nested interface is implemented by nested and top-level classes alike.
interface N265Shape {
    fun area(): Int

    enum class Kind { SQUARE, RECT, DOT }

    class Square(val side: Int) : N265Shape {
        override fun area() = side * side
    }

    object Dot : N265Shape {
        override fun area() = 0
    }
}

class N265Rect(val w: Int, val h: Int) : N265Shape {
    override fun area() = w * h
}

fun n265Kind(s: N265Shape): N265Shape.Kind = when (s) {
    is N265Shape.Square -> N265Shape.Kind.SQUARE
    is N265Rect -> N265Shape.Kind.RECT
    else -> N265Shape.Kind.DOT
}

fun n265Sides(k: N265Shape.Kind) = when (k) {
    N265Shape.Kind.SQUARE -> 4
    N265Shape.Kind.RECT -> 4
    N265Shape.Kind.DOT -> 0
}

class N265Config {
    object Defaults {
        var reads = 0
        val size: Int
            get() {
                reads++
                return 3
            }
    }

    enum class Mode(val code: Int) {
        FAST(1),
        SAFE(2);

        fun next() = if (this == FAST) SAFE else FAST
    }

    fun mode(fast: Boolean) = if (fast) Mode.FAST else Mode.SAFE
}

fun main() {
    val shapes = listOf(N265Shape.Square(2), N265Rect(2, 3), N265Shape.Dot)
    for (s in shapes) {
        val k = n265Kind(s)
        println("1 $k ${k.ordinal} ${s.area()} ${n265Sides(k)}")
    }
    println("2 " + N265Shape.Kind.values().toList())
    println("3 " + N265Shape.Kind.valueOf("RECT"))
    println("4 " + N265Config.Defaults.size + N265Config.Defaults.size + " " + N265Config.Defaults.reads)
    println("5 " + (N265Config.Defaults === N265Config.Defaults))
    println("6 " + N265Config.Defaults.toString().substringBefore('@'))
    println("7 " + N265Shape.Dot.toString().substringBefore('@'))
    val c = N265Config()
    println("8 " + c.mode(true) + " " + c.mode(true).next() + " " + N265Config.Mode.SAFE.code)
    println("9 " + N265Config.Mode.values().map { it.name + it.code })
    println("10 " + (N265Config.Mode.FAST < N265Config.Mode.SAFE))
}
