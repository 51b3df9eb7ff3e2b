// Rule: runBlocking returns the value of its block after all children are done, and a plain function can call it more than once in sequence.
import kotlinx.coroutines.*

fun c085Load(id: Int): String = runBlocking {
    val part = async {
        delay(100)
        "part$id"
    }
    launch {
        delay(200)
        println("  load($id): background child done")
    }
    "item $id with ${part.await()}"
}

fun main() {
    println("main: calling load(1)")
    println("main: got ${c085Load(1)}")
    println("main: got ${c085Load(2)}")
    val sum = runBlocking { 20 + 22 }
    println("main: runBlocking returned $sum")
}
