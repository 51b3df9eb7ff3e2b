// Lesson 7, the island effect: launch(Job()) cuts the link to the parent.
import kotlinx.coroutines.*
import java.util.concurrent.atomic.AtomicInteger

val passJob = true // @param "Pass a new Job() to launch"
val tasks = 5 // @param 1..20 "Background tasks per request"
val cancelAtMs = 100 // @param 50..500 step 50 "The request is cancelled at (ms)"

val openConnections = AtomicInteger(0)

// Holds a database connection for about one second of work.
suspend fun syncInventory(i: Int) {
    openConnections.incrementAndGet()
    try {
        repeat(10) { delay(100) }
        println("task $i: finished its work")
    } finally {
        openConnections.decrementAndGet()
    }
}

fun main() = runBlocking {
    val start = System.currentTimeMillis()
    val request = launch(Dispatchers.Default + CoroutineName("request")) {
        repeat(tasks) { i ->
            if (passJob) {
                launch(Job() + CoroutineName("task-$i")) { syncInventory(i) }
            } else {
                launch(CoroutineName("task-$i")) { syncInventory(i) }
            }
        }
    }
    delay(cancelAtMs.toLong())
    request.cancelAndJoin() // the client went away
    println("request cancelled after ${System.currentTimeMillis() - start} ms; open connections: ${openConnections.get()}")
    delay(1_500) // the service keeps running
    println("later: open connections: ${openConnections.get()}")
}
