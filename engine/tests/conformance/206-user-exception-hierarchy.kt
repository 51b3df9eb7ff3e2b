// Rule: a hierarchy of exception classes (open class AppException(msg) : Exception(msg), subclasses passing messages up) prints as the JVM does (toString "Name: message", message), and catch (e: Base) catches every subclass.
open class H206AppException(msg: String) : Exception(msg)

class H206NotFound(val id: Int) : H206AppException("no item $id")

class H206Forbidden : H206AppException("forbidden")

open class H206Retryable(msg: String, val attempts: Int) : H206AppException("$msg after $attempts attempts")

class H206Timeout : H206Retryable("timed out", 3)

fun h206Fail(kind: Int) {
    when (kind) {
        1 -> throw H206NotFound(7)
        2 -> throw H206Forbidden()
        3 -> throw H206Timeout()
        else -> throw IllegalStateException("other")
    }
}

fun main() {
    for (kind in 1..4) {
        try {
            h206Fail(kind)
        } catch (e: H206Retryable) {
            println("retryable: $e / ${e.message} / ${e.attempts}")
        } catch (e: H206AppException) {
            println("app: $e / ${e.message}")
        } catch (e: Exception) {
            println("other: $e")
        }
    }
    val e: Exception = H206NotFound(9)
    println(e is H206AppException)
    println(e is RuntimeException)
    println((e as H206NotFound).id)
    val r = runCatching { h206Fail(3) }
    println(r.exceptionOrNull())
    println(r.exceptionOrNull() is H206AppException)
}
