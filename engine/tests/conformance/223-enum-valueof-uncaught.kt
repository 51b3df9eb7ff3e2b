// Rule: valueOf() of a name no entry has throws IllegalArgumentException("No enum constant Class.NAME"), which ends main when nothing catches it.
enum class E223Mode { FAST, SLOW }

fun main() {
    println(E223Mode.valueOf("SLOW"))
    val m = E223Mode.valueOf("MEDIUM")
    println("not reached $m")
}
