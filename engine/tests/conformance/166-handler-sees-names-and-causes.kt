// Rule: a CoroutineExceptionHandler sees the CoroutineName of the coroutine that failed (its own or the root scope's), the message and the cause of the exception; a grandchild's failure is reported once, from the top child, with the name of the child launched into the scope.
import kotlinx.coroutines.*
fun main() = runBlocking {
    val h = CoroutineExceptionHandler { ctx, ex -> println("H [${ctx[CoroutineName]?.name}] ${ex.message} ${ex.cause}") }
    val scope = CoroutineScope(SupervisorJob() + h + CoroutineName("root"))
    scope.launch { throw RuntimeException("top", IllegalStateException("why")) }.join()
    scope.launch(CoroutineName("kid")) { launch(CoroutineName("grandkid")) { throw Exception("deep") } }.join()
    val j = scope.launch { try { delay(100000) } finally { println("1 cancelled job finally") } }
    delay(10)
    j.cancel()
    j.join()
    println("2 done")
}
