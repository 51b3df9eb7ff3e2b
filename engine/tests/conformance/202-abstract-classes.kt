// Rule: an abstract class declares abstract functions and properties that its subclasses implement (with override, in the constructor or the body); its concrete code calls them on the runtime class.
abstract class H202Shape(val label: String) {
    abstract val sides: Int
    abstract fun area(): Double

    fun summary() = "$label: $sides sides, area ${area()}"
    open fun kind() = "shape"
}

class H202Square(val side: Double) : H202Shape("square") {
    override val sides = 4
    override fun area() = side * side
}

class H202Triangle(override val sides: Int, val base: Double, val height: Double) : H202Shape("triangle") {
    override fun area() = base * height / 2
    override fun kind() = "polygon"
}

abstract class H202Job(val name: String) {
    abstract fun step(i: Int): String

    fun run(times: Int): List<String> {
        val out = mutableListOf<String>()
        for (i in 1..times) {
            out.add(step(i))
        }
        return out
    }
}

class H202Echo : H202Job("echo") {
    override fun step(i: Int) = "$name#$i"
}

fun main() {
    val shapes: List<H202Shape> = listOf(H202Square(2.0), H202Triangle(3, 4.0, 5.0))
    for (s in shapes) {
        println(s.summary())
        println(s.kind())
    }
    println(shapes.map { it.sides }.sum())
    println(H202Echo().run(3))
}
