// Rule: job.children lists the children that have not completed yet, including a LAZY child that has not started; a child leaves the list when it completes.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val me = coroutineContext[Job]!!
    println("at start: children = ${me.children.count()}")
    launch {
        delay(100)
    }
    val slow = launch {
        delay(300)
    }
    val lazy = launch(start = CoroutineStart.LAZY) {
        println("lazy: runs when joined")
    }
    println("after three launches: children = ${me.children.count()}")
    delay(200)
    println("at 200 ms: children = ${me.children.count()}")
    slow.join()
    println("after the slow one: children = ${me.children.count()}")
    lazy.join()
    println("after the lazy one: children = ${me.children.count()}")
}
