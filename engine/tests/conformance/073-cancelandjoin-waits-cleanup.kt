// Rule: cancel() returns at once while the job is still cleaning up; cancelAndJoin() returns only after the job's finally block, including NonCancellable suspensions, has finished.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val first = launch {
        try {
            delay(Long.MAX_VALUE)
        } finally {
            withContext(NonCancellable) {
                delay(100)
                println("first: slow cleanup done")
            }
        }
    }
    yield()
    first.cancel()
    println("main: cancel() returned, first completed = ${first.isCompleted}")
    first.join()
    println("main: join() returned, first completed = ${first.isCompleted}")

    val second = launch {
        try {
            delay(Long.MAX_VALUE)
        } finally {
            withContext(NonCancellable) {
                delay(100)
                println("second: slow cleanup done")
            }
        }
    }
    yield()
    second.cancelAndJoin()
    println("main: cancelAndJoin() returned, second completed = ${second.isCompleted}")
}
