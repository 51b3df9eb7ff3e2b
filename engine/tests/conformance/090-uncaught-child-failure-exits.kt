// Rule: A failing child of runBlocking makes runBlocking throw its exception; uncaught in main, it ends the program with exit code 1 and "Exception in thread "main" ..." on stderr.
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch {
        delay(100)
        println("worker: failing")
        throw IllegalArgumentException("invalid order id")
    }
    try {
        delay(Long.MAX_VALUE)
    } finally {
        println("main: cancelled by the failing child")
    }
    println("main: never printed")
}
