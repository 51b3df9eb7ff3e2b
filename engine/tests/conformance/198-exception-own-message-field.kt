// Rule: an exception subclass's own message property (a field, not passed to the superclass) is what its toString(), a template and an uncaught exception print.
class C198Failure(val code: Int) : Exception() {
    override val message = "failed with code $code"
}

class C198Plain : RuntimeException("from the superclass")

fun main() {
    println(C198Failure(1))
    println("caught: ${C198Failure(2)}")
    println(C198Failure(3).message)
    println(C198Plain())
    throw C198Failure(4)
}
