// Rule: try/catch is an expression whose value comes from try or catch, never from finally; finally always runs; the first matching catch wins; an exception thrown in finally replaces the one in flight.
import java.io.IOException

fun c103Divide(a: Int, b: Int): Int = try {
    a / b
} catch (e: ArithmeticException) {
    println("  caught $e")
    0
} finally {
    println("  finally for $a / $b")
}

fun c103Early(): String {
    try {
        return "returned from try"
    } finally {
        println("  finally runs after return")
    }
}

fun main() {
    println(c103Divide(10, 2))
    println(c103Divide(1, 0))
    println(c103Early())
    val recovered = try {
        throw IllegalStateException("broken")
    } catch (e: IllegalStateException) {
        "recovered from ${e.message}"
    }
    println(recovered)
    try {
        throw IllegalArgumentException("wrong")
    } catch (e: IllegalStateException) {
        println("never printed")
    } catch (e: IllegalArgumentException) {
        println("second catch: $e")
    } catch (e: Exception) {
        println("never printed either")
    }
    try {
        try {
            throw IOException("inner")
        } finally {
            println("inner finally")
        }
    } catch (e: Exception) {
        println("outer caught $e")
    }
    try {
        try {
            throw IllegalArgumentException("first")
        } finally {
            throw IllegalStateException("from finally")
        }
    } catch (e: Exception) {
        println("escaped: $e")
    }
    try {
        try {
            throw IOException("original")
        } catch (e: IOException) {
            throw IllegalStateException("wrapped", e)
        }
    } catch (e: IllegalStateException) {
        println("rethrown: $e, cause: ${e.cause}")
    }
}
