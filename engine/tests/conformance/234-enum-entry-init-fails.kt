// Rule: an exception thrown while an enum class's entries (or an object) are created reaches the code that first used it as an ExceptionInInitializerError (an Error, not an Exception) whose cause is that exception; the class cannot be used again: every later use throws NoClassDefFoundError("Could not initialize class Name").
enum class E234Ratio(val d: Int) {
    HALF(2), BROKEN(0);

    val inverse = 100 / d

    init {
        println("created $name")
    }
}

object E234Config {
    val limit: Int = "ten".toInt()
}

fun main() {
    try {
        println(E234Ratio.HALF.inverse)
    } catch (e: Exception) {
        println("an Exception")
    } catch (e: Throwable) {
        println("$e caused by ${e.cause}")
    }
    repeat(2) {
        try {
            println(E234Ratio.HALF)
        } catch (e: Throwable) {
            println(e)
        }
    }
    try {
        println(E234Config.limit)
    } catch (e: ExceptionInInitializerError) {
        println("${e.message} ${e.cause?.javaClass?.simpleName}")
    }
    try {
        println(E234Config.limit)
    } catch (e: NoClassDefFoundError) {
        println(e.message)
    }
    println(E234Ratio.values().size)
}
