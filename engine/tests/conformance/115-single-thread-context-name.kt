// Rule: newSingleThreadContext("db") runs every coroutine given it on one thread named exactly db, before and after a delay and in withContext.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val db = newSingleThreadContext("db")
    launch(db) {
        println("launch: ${Thread.currentThread().name}")
        delay(100)
        println("launch after delay: ${Thread.currentThread().name}")
    }.join()
    println("async: ${async(db) { Thread.currentThread().name }.await()}")
    println("withContext: ${withContext(db) { Thread.currentThread().name }}")
    println("main: ${Thread.currentThread().name}")
    db.close()
}
