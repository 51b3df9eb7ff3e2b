// Rule: If the supervisorScope block itself throws, all children are cancelled and the exception is rethrown.
import kotlinx.coroutines.*

// Supervision covers only the children's own failures. When the supervisorScope
// block itself throws, the scope cancels every unfinished child and rethrows.
fun main() = runBlocking {
    lateinit var early: Deferred<Int>
    lateinit var pending: Deferred<Int>
    try {
        supervisorScope {
            early = async { 7 }
            pending = async {
                try {
                    delay(Long.MAX_VALUE)
                    0
                } finally {
                    println("pending: cancelled because the scope block failed")
                }
            }
            val v = early.await()
            println("block: early gave $v, rejecting it")
            throw IllegalStateException("value $v rejected")
        }
    } catch (e: IllegalStateException) {
        println("main: supervisorScope threw $e")
    }
    println("early cancelled = ${early.isCancelled}, pending cancelled = ${pending.isCancelled}")
}
