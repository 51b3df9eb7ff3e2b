// Rule: An exception class that overrides message with a getter is printed with it, as Throwable.toString() reads getLocalizedMessage(), which calls getMessage(): println, templates, toString(), localizedMessage, a subclass, a null message, and the report of an exception that escapes main.
class F281CodeError(val code: Int) : Exception() {
    override val message: String
        get() = "code $code"
}
open class F281Quiet : RuntimeException("hidden") {
    override val message: String?
        get() = null
}
class F281Louder : F281Quiet() {
    override val message: String?
        get() = "loud"
}
class F281Stored(override val message: String) : IllegalStateException()
class F281Custom : Exception("m") {
    override fun toString() = "custom text"
}

fun main() {
    val e = F281CodeError(3)
    println(e)
    println("template: $e")
    println(e.toString())
    println(e.message)
    println(e.localizedMessage)
    println(F281Quiet())
    println(F281Quiet().localizedMessage)
    println(F281Louder())
    println(F281Stored("kept").localizedMessage)
    println("${F281Stored("kept")}")
    try {
        throw F281CodeError(7)
    } catch (x: Exception) {
        println("caught $x / ${x.message}")
    }
    val r = runCatching { throw F281CodeError(9) }
    println(r.exceptionOrNull())
    println(F281Custom())
    throw F281CodeError(42)
}
