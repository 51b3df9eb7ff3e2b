// Rule: an object may extend an abstract class, implement interfaces or extend an exception class; it is created and initialised (superclass first) on first use, and a thrown object is the same instance each time.
abstract class H215Strategy(val name: String) {
    init {
        println("strategy $name ready")
    }

    abstract fun apply(x: Int): Int
    fun describe() = "$name(3) = ${apply(3)}"
}

object H215Double : H215Strategy("double") {
    override fun apply(x: Int) = x * 2
}

object H215Square : H215Strategy("square") {
    override fun apply(x: Int) = x * x
}

interface H215Clock {
    fun now(): Long
}

object H215FixedClock : H215Clock {
    override fun now() = 42L
}

object H215Stop : RuntimeException("stop here")

fun h215Check(n: Int) {
    if (n > 2) throw H215Stop
}

fun main() {
    println("start")
    val strategies: List<H215Strategy> = listOf(H215Double, H215Square)
    println(strategies.map { it.describe() })
    println(H215FixedClock.now())
    val c: H215Clock = H215FixedClock
    println(c is H215Clock)
    var first: Throwable? = null
    for (i in 1..4) {
        try {
            h215Check(i)
            println("ok $i")
        } catch (e: RuntimeException) {
            if (first == null) first = e
            println("caught $e same=${e === first}")
        }
    }
    println(H215Stop.message)
}
