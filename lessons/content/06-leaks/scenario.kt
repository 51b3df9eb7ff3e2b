// Lesson 6, coroutine leaks: a GlobalScope.launch per request that never ends.
import kotlinx.coroutines.*
import kotlinx.coroutines.debug.DebugProbes

val useGlobalScope = true // @param "Start the listener with GlobalScope.launch"
val requests = 50 // @param 10..200 step 10 "Requests"
val everyMs = 20 // @param 5..100 step 5 "A request arrives every (ms)"
val handlerMs = 30 // @param 10..200 step 10 "Handling a request takes (ms)"

// Waits for price updates that, because of a bug, never come.
suspend fun watchPriceUpdates(id: Int) {
    while (true) {
        delay(1_000)
    }
}

// The application's handler: starts a listener for the page, then answers.
suspend fun CoroutineScope.handleRequest(id: Int) {
    if (useGlobalScope) {
        GlobalScope.launch(CoroutineName("updates-$id")) { watchPriceUpdates(id) }
    } else {
        launch(CoroutineName("updates-$id")) { watchPriceUpdates(id) }
    }
    delay(handlerMs.toLong())
}

fun main() = runBlocking {
    DebugProbes.install()
    val start = System.currentTimeMillis()
    // The server: one coroutine per call; when the response is sent the call is over,
    // and so is everything it started.
    val calls = List(requests) { id ->
        delay(everyMs.toLong())
        launch(Dispatchers.Default + CoroutineName("call-$id")) {
            handleRequest(id)
            coroutineContext.cancelChildren()
        }
    }
    calls.joinAll()
    println("served $requests requests in ${System.currentTimeMillis() - start} ms")
    // ... later in a diagnostic endpoint
    DebugProbes.dumpCoroutines(System.out)
}
