// Rule: awaitAll in coroutineScope rethrows the first failure; supervisorScope lets each await be caught on its own; runCatching around coroutineScope gives Failure (getOrDefault, getOrElse) and Success(value) prints so; a cancelled loop runs catch, finally and a NonCancellable delay; LAZY async starts at await; a parent counts its children and waits for them; async(CoroutineName) sees its name while runBlocking has none; sumBy over awaits.
import kotlinx.coroutines.*
suspend fun c162Fetch(id: Int): String { delay(100L * id); if (id == 3) throw IllegalStateException("fail $id"); return "r$id" }
fun main() = runBlocking {
    try {
        coroutineScope {
            val ds = (1..4).map { id -> async { c162Fetch(id) } }
            println(ds.awaitAll())
        }
    } catch (e: IllegalStateException) {
        println("1 caught $e")
    }
    val results = supervisorScope {
        (1..4).map { id -> async { c162Fetch(id) } }.map { d -> try { d.await() } catch (e: Exception) { "err:${e.message}" } }
    }
    println("2 $results")
    val r = runCatching { coroutineScope { c162Fetch(3) } }
    println("3 ${r.isFailure} ${r.exceptionOrNull()} ${r.getOrDefault("dflt")} ${r.getOrElse { "else:" + it.message }}")
    val ok = runCatching { c162Fetch(1) }
    println("4 $ok ${ok.getOrNull()} ${runCatching { error("e") }}")
    val job = launch {
        try { repeat(100) { i -> println("5 work $i"); delay(300) } }
        catch (e: CancellationException) { println("6 cancelled") }
        finally { println("7 cleanup"); withContext(NonCancellable) { delay(100); println("8 nc done") } }
    }
    delay(700)
    job.cancelAndJoin()
    val t = withTimeoutOrNull(1000) { c162Fetch(2) }
    println("9 $t")
    val deferred = async(start = CoroutineStart.LAZY) { c162Fetch(1) }
    println("10 ${deferred.isActive} ${deferred.isCompleted}")
    println("11 ${deferred.await()}")
    val parent = launch {
        val c1 = launch { delay(500); println("12 c1") }
        val c2 = launch { delay(200); println("13 c2") }
        println("14 children ${coroutineContext[Job]?.children?.count()}")
    }
    parent.join()
    println("15 ${parent.children.count()}")
    val name = async(CoroutineName("worker")) { coroutineContext[CoroutineName]?.name }
    println("16 ${name.await()} ${coroutineContext[CoroutineName]}")
    val sum = (1..3).map { async { delay(it * 100L); it } }.sumBy { it.await() }
    println("17 $sum")
}
