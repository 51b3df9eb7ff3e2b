// Rule: A value returned from finally does not override cancellation; Deferred states around cancel/await.
import kotlinx.coroutines.*

// Once a Deferred is cancelled its result is a CancellationException, even if its
// finally block "returns" a value. States: Active -> Cancelling -> Cancelled.
fun c032DeferredState(d: Deferred<String>) = "active=${d.isActive} completed=${d.isCompleted} cancelled=${d.isCancelled}"

fun main() = runBlocking {
    val lookup = async {
        try {
            delay(Long.MAX_VALUE)
            "fresh value"
        } finally {
            println("lookup: finally tries to return a fallback value")
            return@async "fallback value"
        }
    }
    delay(100)
    println("running:    ${c032DeferredState(lookup)}")
    lookup.cancel()
    println("cancelling: ${c032DeferredState(lookup)}")
    val outcome = try {
        lookup.await()
    } catch (e: CancellationException) {
        "CancellationException"
    }
    println("await gave: $outcome")
    println("cancelled:  ${c032DeferredState(lookup)}")
}
