// Review: what does DebugProbes show of a coroutine waiting for a reply that never comes?
import kotlinx.coroutines.*
import kotlinx.coroutines.debug.DebugProbes

val replied = false // @param "The reply arrives"

fun main() = runBlocking {
    DebugProbes.install()
    val reply = CompletableDeferred<String>()
    GlobalScope.launch(CoroutineName("wait-for-reply")) {
        println("got ${reply.await()}")
    }
    delay(100)
    if (replied) reply.complete("pong")
    delay(100)
    DebugProbes.dumpCoroutines(System.out)
}
