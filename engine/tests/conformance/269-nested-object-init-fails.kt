// Rule: A nested object whose initializer throws fails as its own class's <clinit> does: the first use gets an ExceptionInInitializerError and every later one a NoClassDefFoundError naming Outer$Inner, while a companion's failure names the class it belongs to, and a nested enum's entries name the enum class, Outer$Color.
object N269Settings {
    fun zero() = 0

    object Broken {
        val ratio: Int = 10 / zero()
    }

    class Holder {
        companion object {
            val limit: Int = listOf<Int>().first()
        }
    }

    enum class Level(val weight: Int) {
        LOW(1),
        HIGH(10 / zero())
    }
}

fun main() {
    repeat(2) {
        try {
            println(N269Settings.Broken.ratio)
        } catch (e: Throwable) {
            println("1 $e")
        }
    }
    repeat(2) {
        try {
            println(N269Settings.Holder.limit)
        } catch (e: Throwable) {
            println("2 $e")
        }
    }
    repeat(2) {
        try {
            println(N269Settings.Level.LOW)
        } catch (e: Throwable) {
            println("3 $e")
        }
    }
    println("4 " + N269Settings.zero())
}
