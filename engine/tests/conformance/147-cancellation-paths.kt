// Rule: cancelAndJoin runs every finally first; a failing child of coroutineScope cancels its sibling and the caller catches the failure; yield interleaves coroutines fairly; LAZY async starts at await; an isActive loop stops when cancelled.
import kotlinx.coroutines.*

suspend fun c147Work(name: String, ms: Long): String {
    try {
        delay(ms)
        return "$name done"
    } catch (e: CancellationException) {
        println("$name cancelled")
        throw e
    } finally {
        println("$name finally")
    }
}

fun main() = runBlocking {
    val job = launch {
        val x = async { c147Work("x", 100) }
        val y = async { c147Work("y", 300) }
        println(x.await())
        println(y.await())
    }
    delay(200)
    job.cancelAndJoin()
    println("job: active=${job.isActive} cancelled=${job.isCancelled} completed=${job.isCompleted}")
    val outer = launch {
        try {
            coroutineScope {
                launch { c147Work("inner1", 50) }
                launch {
                    delay(20)
                    throw RuntimeException("inner2 failed")
                }
            }
        } catch (e: RuntimeException) {
            println("caught ${e.message}")
        }
        println("outer continues")
    }
    outer.join()
    var count = 0
    val jobs = List(5) { i -> launch { repeat(3) { yield(); count++ } } }
    jobs.joinAll()
    println("count=$count")
    val lazy = async(start = CoroutineStart.LAZY) { println("lazy runs"); 42 }
    println("before start: ${lazy.isActive}")
    println("value ${lazy.await()}")
    coroutineScope {
        val ch = launch {
            try {
                while (isActive) { delay(10) }
            } finally {
                println("loop stopped")
            }
        }
        delay(35)
        ch.cancel()
    }
    println("end")
}
