// Rule: a root scope with SupervisorJob and a CoroutineExceptionHandler: the handler gets the failing child's context (CoroutineName) and exception, invokeOnCompletion gets the exception, null after normal completion and a JobCancellationException after cancel; an async failure stays in its Deferred (await rethrows, isCancelled is true, the handler is not called); a grandchild's failure reaches the handler with the context of the child launched into the scope (its CoroutineName, not the grandchild's); a finally block of a cancelled job sees isActive false; withTimeout's message names its time.
import kotlinx.coroutines.*
fun main() {
    val handler = CoroutineExceptionHandler { ctx, e -> println("H ${ctx[CoroutineName]?.name} $e ${e.message}") }
    runBlocking {
        val scope = CoroutineScope(SupervisorJob() + handler)
        val a = scope.launch(CoroutineName("alpha")) { delay(100); throw IllegalArgumentException("bad arg") }
        a.invokeOnCompletion { println("1 a done: ${it?.javaClass?.simpleName} ${it?.message}") }
        a.join()
        val b = scope.launch { delay(100); println("2 b fine") }
        b.invokeOnCompletion { println("3 b done: $it") }
        b.join()
        val c = scope.launch { delay(1000) }
        c.invokeOnCompletion { println("4 c done: ${it?.javaClass?.simpleName}") }
        delay(100)
        c.cancel()
        c.join()
        val d = scope.async { delay(50); throw ArithmeticException("div") }
        try { d.await() } catch (e: ArithmeticException) { println("5 await $e") }
        println("6 ${d.isCancelled} ${d.isCompleted}")
        val e = scope.async { 41 + 1 }
        println("7 ${e.await()} ${e.getCompleted()}")
        val nested = scope.launch(CoroutineName("outer")) {
            launch(CoroutineName("inner")) { delay(50); throw RuntimeException("inner boom") }
            delay(1000)
            println("never")
        }
        nested.join()
        println("8 ${nested.isCancelled}")
        val sc = CoroutineScope(Job())
        val x = sc.launch { delay(100); println("9 x") }
        x.join()
        val cj = launch { try { delay(1000) } finally { println("10 finally ${coroutineContext[Job]?.isActive}") } }
        delay(50)
        cj.cancel(CancellationException("stop now"))
        cj.join()
        println("11 ${cj.isCancelled}")
        val timed = launch {
            try { withTimeout(200) { delay(1000) } } catch (t: TimeoutCancellationException) { println("12 ${t.message}") }
        }
        timed.join()
        println("13 end")
    }
}
