// Rule: CoroutineExceptionHandler is a type for is tests, when branches and declarations, and so is CoroutineName; a handler put in a context is found there by its key.
import kotlinx.coroutines.*

fun f282Describe(x: Any): String = when (x) {
    is CoroutineExceptionHandler -> "a handler"
    is CoroutineName -> "a name: ${x.name}"
    else -> "something else"
}

fun main() = runBlocking {
    val h = CoroutineExceptionHandler { _, e -> println("handled ${e.message}") }
    println(h is CoroutineExceptionHandler)
    println(f282Describe(h))
    println(f282Describe(CoroutineName("worker")))
    println(f282Describe(Dispatchers.Default))
    val typed: CoroutineExceptionHandler = h
    val ctx = typed + CoroutineName("x")
    println(ctx[CoroutineExceptionHandler] is CoroutineExceptionHandler)
    val job = GlobalScope.launch(h) { throw IllegalStateException("boom") }
    job.join()
    println("done")
}
