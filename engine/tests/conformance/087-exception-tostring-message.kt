// Rule: An exception prints as its full class name, then ": message" when it has one; message is null without one; 1 / 0 throws "java.lang.ArithmeticException: / by zero".
import kotlinx.coroutines.*
import java.io.IOException

fun main() {
    val errors = listOf(
        Exception("plain"),
        RuntimeException("runtime"),
        IllegalStateException("bad state"),
        IllegalArgumentException("bad argument"),
        ArithmeticException("bad math"),
        IOException("disk error"),
        CancellationException("stopped"),
        Exception(),
        IllegalStateException()
    )
    for (e in errors) {
        println("$e | message = ${e.message}")
    }
    val zero = 0
    try {
        println(1 / zero)
    } catch (e: ArithmeticException) {
        println("$e | message = ${e.message}")
    }
    try {
        println(10L % zero)
    } catch (e: ArithmeticException) {
        println("Long: $e")
    }
    val wrapped = IllegalStateException("outer", IOException("inner"))
    println("$wrapped | cause = ${wrapped.cause}")
    println("CancellationException is an IllegalStateException: ${CancellationException("x") is IllegalStateException}")
}
