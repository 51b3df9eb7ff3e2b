// Lesson 5, high load: cap CPU-heavy work with limitedParallelism so requests still get a thread.
import kotlinx.coroutines.*

val limit = true // @param "Cap the crunching with limitedParallelism"
val parallelism = 2 // @param 1..8 "limitedParallelism(n)"
val crunchJobs = 8 // @param 1..16 "Crunch jobs"
val crunchMs = 10 // @param 5..30 step 5 "CPU time of one crunch job (ms)"
val requests = 10 // @param 1..20 "Requests"
val everyMs = 2 // @param 1..10 "A request arrives every (ms)"

// Background data crunching may use at most `parallelism` threads of Default at once.
val crunchDispatcher = Dispatchers.Default.limitedParallelism(parallelism)

// Pure CPU work: about one millisecond per 500 rounds, and it never suspends.
fun crunch(ms: Int): Long {
    var x = 0L
    for (i in 0 until ms * 500) {
        x += i % 7
    }
    return x
}

fun main() = runBlocking {
    val start = System.currentTimeMillis()
    val pool = if (limit) crunchDispatcher else Dispatchers.Default
    val jobs = List(crunchJobs) { i ->
        launch(pool + CoroutineName("crunch-$i")) { crunch(crunchMs) }
    }
    // Reports when the last crunch job ends, while requests keep arriving.
    launch(CoroutineName("watcher")) {
        jobs.joinAll()
        println("crunching done after ${System.currentTimeMillis() - start} ms")
    }
    repeat(requests) { i ->
        delay(everyMs.toLong())
        val arrived = System.currentTimeMillis()
        launch(Dispatchers.Default + CoroutineName("request-$i")) {
            println("request $i answered in ${System.currentTimeMillis() - arrived} ms")
        }
    }
}
