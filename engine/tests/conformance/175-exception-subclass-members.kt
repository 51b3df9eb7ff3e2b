// Rule: inside an exception subclass, message and cause are the inherited properties (read without this.), an override val message is what the exception reports, and the (message, cause) constructor keeps both.
class C175ApiError(val code: Int, msg: String) : RuntimeException(msg) {
    fun describe() = "[$code] $message"
    fun describeAll() = "[$code] ${this.message} $cause"
}
class C175MyErr(override val message: String) : Exception(message)
class C175Wrapped(msg: String, cause: Throwable) : IllegalStateException(msg, cause) {
    val short = message?.take(4)
}

fun main() {
    val e = C175ApiError(404, "not found")
    println(e.describe())
    println(e.describeAll())
    println(e.message)
    try {
        throw C175MyErr("bad input")
    } catch (e: Exception) {
        println("caught ${e.message} / $e")
    }
    val w = C175Wrapped("outer failure", C175MyErr("inner"))
    println("${w.short} ${w.cause?.message}")
}
