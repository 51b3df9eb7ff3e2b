// A class delegating CoroutineScope to another scope, outside the subset.
import kotlinx.coroutines.*

class Delegated : CoroutineScope by CoroutineScope(Dispatchers.Default + CoroutineExceptionHandler { _, e ->
    println(e)
}) {
    fun start() = launch { }
}

fun main() {}
