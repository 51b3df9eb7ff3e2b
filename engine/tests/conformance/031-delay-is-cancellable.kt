// Rule: delay() is a cancellation point: cancelling wakes it up at once, and delay in a cancelled coroutine throws right away.
import kotlinx.coroutines.*

// delay() is a cancellation point: cancel() wakes even delay(Long.MAX_VALUE) at once,
// and delay() in an already-cancelled coroutine throws without suspending.
fun main() {
    runBlocking {
        // Part 1: a cancelled sleeper wakes up, and await() on it throws and ends the scope.
        try {
            coroutineScope {
                val sleeper = async {
                    try {
                        delay(Long.MAX_VALUE)
                    } finally {
                        println("sleeper: woken from delay(Long.MAX_VALUE) by cancellation")
                    }
                }
                delay(100)
                sleeper.cancel()
                println("scope: sleeper cancelled, awaiting it")
                sleeper.await()
                println("scope: never printed")
            }
        } catch (e: CancellationException) {
            println("main: coroutineScope ended with the CancellationException from await()")
        }

        // Part 2: delay() in a coroutine that cancelled itself throws without suspending.
        val quitter = launch {
            coroutineContext.cancel()
            println("quitter: cancelled itself, still running until a suspension point")
            try {
                delay(1000)
            } catch (e: CancellationException) {
                println("quitter: delay threw at once")
            }
        }
        val bystander = launch { println("bystander: runs after the quitter, which never suspended") }
        joinAll(quitter, bystander)
    }

    // Part 3: the same holds for the runBlocking coroutine itself.
    try {
        runBlocking {
            coroutineContext.cancel()
            try {
                delay(1)
            } finally {
                println("inner runBlocking: delay threw, finally runs")
            }
        }
    } catch (e: CancellationException) {
        println("runBlocking threw CancellationException")
    }
}
