// Rule: A launched parent whose body has ended stays incomplete (Completing, still isActive) until every child and grandchild has finished; join() waits for the whole subtree.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val parent = launch {
        launch {
            delay(400)
            println("child 1: done at 400 ms")
        }
        launch {
            delay(100)
            launch {
                delay(100)
                println("grandchild: done at 200 ms")
            }
            println("child 2: body done at 100 ms")
        }
        println("parent: body ends at once")
    }
    delay(300)
    println("main at 300 ms: parent isActive=${parent.isActive} isCompleted=${parent.isCompleted}")
    parent.join()
    println("main: parent joined, isActive=${parent.isActive} isCompleted=${parent.isCompleted}")
}
