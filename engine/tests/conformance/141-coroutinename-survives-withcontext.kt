// Rule: CoroutineName is part of the context: it survives withContext(Dispatchers.Default) and is inherited by children on other threads; a new CoroutineName overrides it only inside.
import kotlinx.coroutines.*

fun main() = runBlocking(CoroutineName("request")) {
    println("runBlocking: ${coroutineContext[CoroutineName]?.name}")
    withContext(Dispatchers.Default) {
        println("withContext(Default): ${coroutineContext[CoroutineName]?.name}")
        launch { println("child on Default: ${coroutineContext[CoroutineName]?.name}") }.join()
    }
    withContext(Dispatchers.IO + CoroutineName("inner")) {
        println("withContext(IO + CoroutineName(inner)): ${coroutineContext[CoroutineName]?.name}")
    }
    launch(Dispatchers.Default) { println("launch(Default): ${coroutineContext[CoroutineName]}") }.join()
    println("back on ${Thread.currentThread().name}: ${coroutineContext[CoroutineName]}")
}
