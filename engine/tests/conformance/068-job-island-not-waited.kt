// Rule: A coroutine launched with an explicit Job() is an island: it is not among the caller's children, it still runs on runBlocking's event loop while runBlocking is alive, and runBlocking returns without waiting for it.
import kotlinx.coroutines.*

fun main() {
    runBlocking {
        val me = coroutineContext[Job]!!
        val island = launch(Job()) {
            delay(100)
            println("island: runs while runBlocking still waits for its child")
            delay(200)
            println("island: never printed, runBlocking returned at 200 ms")
        }
        val child = launch {
            delay(200)
            println("child: done, runBlocking waited for it")
        }
        println("main: children = ${me.children.count()}, island is a child = ${me.children.contains(island)}, child is a child = ${me.children.contains(child)}")
        println("main: body ends")
    }
    println("after runBlocking")
}
