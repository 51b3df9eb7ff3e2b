// Rule: runBlocking runs its block on the thread that called it (main); launch, async and coroutineScope inside it without a dispatcher run on main too, also after a delay.
import kotlinx.coroutines.*

fun main() = runBlocking {
    println("runBlocking: ${Thread.currentThread().name}")
    launch { println("launch: ${Thread.currentThread().name}") }
    val name = async { Thread.currentThread().name }
    coroutineScope {
        println("coroutineScope: ${Thread.currentThread().name}")
        launch {
            delay(100)
            println("child after delay: ${Thread.currentThread().name}")
        }
    }
    println("async: ${name.await()}")
    println("end: ${Thread.currentThread().name}")
}
