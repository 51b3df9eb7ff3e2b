// Rule: the unconfined event loop runs what waits in it in order (first started, first run), and a coroutine started with the default dispatcher inside withContext(Dispatchers.Unconfined) inherits Unconfined and waits in that loop too.
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch(Dispatchers.Unconfined) {
        println("A start")
        launch(Dispatchers.Unconfined) {
            println("B start")
            launch(Dispatchers.Unconfined) { println("D") }
            println("B end")
        }
        launch(Dispatchers.Unconfined) { println("C") }
        println("A end")
    }
    println("main")
    withContext(Dispatchers.Unconfined) {
        println("in unconfined")
        val j = launch { println("child inherits unconfined") }
        launch(Dispatchers.Unconfined) { println("unconfined child") }
        println("after launches")
        j.join()
        println("joined")
    }
    println("done")
}
