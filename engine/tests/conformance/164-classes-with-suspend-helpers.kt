// Rule: classes and objects around coroutines: a suspend method caches with getOrPut around a delay, a generic retry helper takes a suspend lambda and rethrows the last failure, children write to a shared map in their finishing order, an isActive loop stops when cancelled, awaits in list order, minBy with a suspending selector, and runCatching around a failed await (the failed async still fails runBlocking, so main ends with its exception after the last line).
import kotlinx.coroutines.*
class C164Repo {
    private val cache = mutableMapOf<Int, String>()
    suspend fun get(id: Int): String = cache.getOrPut(id) { delay(10); "item$id" }
}
object C164Log { val lines = mutableListOf<String>(); fun log(s: String) { lines.add(s) } }
suspend fun <T> c164Retry(times: Int, block: suspend (Int) -> T): T {
    var last: Exception? = null
    for (attempt in 1..times) {
        try { return block(attempt) } catch (e: Exception) { last = e; C164Log.log("attempt $attempt failed: ${e.message}") }
    }
    throw last!!
}
fun main() = runBlocking {
    val repo = C164Repo()
    println("1 ${repo.get(1)} ${repo.get(1)} ${repo.get(2)}")
    val v = c164Retry(3) { n -> if (n < 3) throw RuntimeException("n=$n") else "ok at $n" }
    println("2 $v ${C164Log.lines}")
    try { c164Retry(2) { n -> throw IllegalStateException("always $n") } } catch (e: IllegalStateException) { println("3 $e") }
    val results = mutableMapOf<String, Int>()
    coroutineScope {
        listOf("a", "bb", "ccc").forEach { w -> launch { delay(w.length * 100L); results[w] = w.length } }
    }
    println("4 $results")
    val ticker = launch {
        var i = 0
        while (isActive) { println("5 tick ${i++}"); delay(200) }
    }
    delay(500)
    ticker.cancel()
    println("6 cancelled=${ticker.isCancelled}")
    val deferreds = listOf(300L, 100L, 200L).map { ms -> async { delay(ms); ms } }
    println("7 ${deferreds.map { it.await() }}")
    val first = deferreds.minBy { it.await() }
    println("8 ${first?.await()}")
    val exc = async { throw UnsupportedOperationException("nope") }
    val r = runCatching { exc.await() }
    println("9 ${r.exceptionOrNull()?.javaClass?.name}")
    println("10 done")
}
