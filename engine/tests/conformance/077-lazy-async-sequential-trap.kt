// Rule: LAZY asyncs awaited one after another run one after another (each await starts its Deferred); starting them first makes them run concurrently.
import kotlinx.coroutines.*

suspend fun c077Fetch(name: String): Int {
    delay(200)
    println("  $name: fetched")
    return name.length
}

fun main() = runBlocking {
    yield()
    var start = System.currentTimeMillis()
    val a = async(start = CoroutineStart.LAZY) { c077Fetch("alpha") }
    val b = async(start = CoroutineStart.LAZY) { c077Fetch("beta") }
    println("awaited without start: ${a.await() + b.await()} after ${(System.currentTimeMillis() - start) / 100 * 100} ms")
    start = System.currentTimeMillis()
    val c = async(start = CoroutineStart.LAZY) { c077Fetch("gamma") }
    val d = async(start = CoroutineStart.LAZY) { c077Fetch("delta") }
    c.start()
    d.start()
    println("started first: ${c.await() + d.await()} after ${(System.currentTimeMillis() - start) / 100 * 100} ms")
}
