// Rule: In a coroutineScope the first failure wins and is rethrown; a second failure thrown while a sibling is being cancelled is attached to it as suppressed.
import kotlinx.coroutines.*
import java.io.IOException

fun main() = runBlocking {
    try {
        coroutineScope {
            launch {
                delay(100)
                println("fetcher: throwing IOException")
                throw IOException("network down")
            }
            launch {
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("cache: cancelled, its cleanup throws")
                    throw IllegalArgumentException("cleanup failed")
                }
            }
        }
    } catch (e: IOException) {
        println("main: caught $e")
        println("main: suppressed ${e.suppressed.map { it.toString() }}")
    }
    println("main: done")
}
