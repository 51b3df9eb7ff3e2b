// Rule: GlobalScope.launch creates a root coroutine: cancelling the coroutine that started it does not cancel it, it is not among that coroutine's children, and runBlocking does not wait for it.
import kotlinx.coroutines.*

fun main() {
    runBlocking {
        val request = launch {
            GlobalScope.launch {
                delay(200)
                println("global: still running after the request was cancelled")
            }
            launch {
                try {
                    delay(Long.MAX_VALUE)
                } finally {
                    println("child: cancelled with the request")
                }
            }
            println("request: children = ${coroutineContext[Job]!!.children.count()}")
        }
        delay(100)
        request.cancelAndJoin()
        println("main: request cancelled and joined")
        delay(300)
        GlobalScope.launch {
            delay(500)
            println("global: never printed, the program ends first")
        }
        println("main: runBlocking ends without waiting for the global coroutine")
    }
    println("after runBlocking")
}
