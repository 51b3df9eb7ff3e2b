// Rule: A coroutine launched with an explicit Job() is an island: it is not a child of the caller, so it is not counted in its children and runBlocking returns without waiting for it.
import kotlinx.coroutines.*

fun main() {
    runBlocking {
        val me = coroutineContext[Job]!!
        val island = launch(Job()) {
            delay(100)
            println("island: never printed, nobody waits for it")
        }
        val child = launch {
            delay(200)
            println("child: done, runBlocking waited for it")
        }
        println("main: children = ${me.children.count()}, island is a child = ${me.children.contains(island)}, child is a child = ${me.children.contains(child)}")
        println("main: body ends")
    }
    println("after runBlocking")
    runBlocking {
        launch(Job()) {
            delay(100)
            println("second island: never printed")
        }
        println("second runBlocking: body ends, no children")
    }
    println("after the second runBlocking")
}
