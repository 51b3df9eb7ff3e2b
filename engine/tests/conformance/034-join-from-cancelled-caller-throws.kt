// Rule: join() throws if the CALLER is cancelled, even when the joined job has already finished.
import kotlinx.coroutines.*

// An UNDISPATCHED child that fails inline cancels its parent at once. After that,
// join() in the parent throws the parent's own CancellationException (caused by the
// child's exception), even though the joined child has already completed.
fun main() = runBlocking {
    val handler = CoroutineExceptionHandler { _, e -> println("handler: $e") }
    val caller = launch(Job() + handler) {
        val helper = launch(start = CoroutineStart.UNDISPATCHED) {
            println("helper: fails inline, before launch() returns")
            throw IllegalArgumentException("helper failed")
        }
        println("caller: helper completed = ${helper.isCompleted}, caller active = $isActive")
        try {
            helper.join()
            println("caller: join returned (never printed)")
        } catch (e: CancellationException) {
            println("caller: join threw CancellationException caused by ${e.cause}")
        }
    }
    caller.join()
    println("main: caller cancelled = ${caller.isCancelled}")
}
