// Rule: CoroutineName is an element of the context: children inherit it, launch(CoroutineName(...)) and withContext replace it, coroutineContext[CoroutineName] is null without one, and it prints as CoroutineName(name).
import kotlinx.coroutines.*

fun main() {
    runBlocking {
        println("plain runBlocking: ${coroutineContext[CoroutineName]}")
    }
    runBlocking(CoroutineName("main-loop")) {
        println("runBlocking: ${coroutineContext[CoroutineName]?.name}")
        launch {
            println("child inherits: ${coroutineContext[CoroutineName]?.name}")
        }.join()
        launch(CoroutineName("loader")) {
            println("loader: ${coroutineContext[CoroutineName]?.name}")
            launch {
                println("loader's child: ${coroutineContext[CoroutineName]?.name}")
            }.join()
            withContext(CoroutineName("parser")) {
                println("inside withContext: ${coroutineContext[CoroutineName]?.name}")
            }
            println("back in loader: ${coroutineContext[CoroutineName]}")
        }.join()
        println("CoroutineName toString: ${CoroutineName("io-task")}")
        println("name property: ${CoroutineName("io-task").name}")
    }
}
