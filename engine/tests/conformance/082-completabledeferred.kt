// Rule: CompletableDeferred is completed by hand: the first complete() wins and returns true, later ones return false, waiters resume with the value, and completeExceptionally makes await() throw.
import kotlinx.coroutines.*
import java.io.IOException

fun main() = runBlocking {
    val signal = CompletableDeferred<String>()
    launch {
        println("waiter: waiting for the signal")
        println("waiter: got ${signal.await()}")
    }
    yield()
    println("main: complete(go) = ${signal.complete("go")}")
    println("main: complete(again) = ${signal.complete("again")}")
    println("main: isCompleted = ${signal.isCompleted}, await = ${signal.await()}")
    yield()
    val broken = CompletableDeferred<Int>()
    println("main: completeExceptionally = ${broken.completeExceptionally(IOException("socket closed"))}")
    try {
        broken.await()
    } catch (e: IOException) {
        println("main: await threw $e, isCancelled = ${broken.isCancelled}")
    }
    println("main: done")
}
