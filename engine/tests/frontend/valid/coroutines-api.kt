// The coroutine API of the subset: builders and their options, jobs, scopes, contexts,
// dispatchers, timeouts, synchronisation and thread-local context elements.
import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.sync.withPermit
import java.util.concurrent.Executors

val traceId = ThreadLocal<String>()

fun main() = runBlocking {
    val job = launch(CoroutineName("lazy"), start = CoroutineStart.LAZY) {
        println("lazy in ${coroutineContext[CoroutineName]?.name}")
    }
    job.start()
    job.join()
    val undispatched = launch(start = CoroutineStart.UNDISPATCHED) { yield() }
    undispatched.cancelAndJoin()
    println("active=${job.isActive} completed=${job.isCompleted} cancelled=${job.isCancelled}")
    val parent = Job()
    val supervisor = SupervisorJob(parent)
    val scope = CoroutineScope(Dispatchers.IO + supervisor + CoroutineName("io"))
    scope.launch { ensureActive() }.join()
    println(supervisor.children.count())
    withContext(NonCancellable) { delay(1) }
    val result = withTimeoutOrNull(50) { delay(100); "late" }
    println(result ?: "timed out")
    try {
        withTimeout(10) { delay(100) }
    } catch (e: TimeoutCancellationException) {
        println("timeout: ${e.message}")
    } catch (e: CancellationException) {
        throw e
    }
    val pool = Executors.newFixedThreadPool(2).asCoroutineDispatcher()
    val single = newSingleThreadContext("single")
    val fixed = newFixedThreadPoolContext(2, "fixed")
    val limited = Dispatchers.Default.limitedParallelism(2)
    listOf(pool, single, fixed, limited).map { d -> async(d) { Thread.currentThread().name } }.awaitAll()
    pool.close()
    single.close()
    fixed.close()
    val mutex = Mutex()
    var counter = 0
    coroutineScope {
        repeat(10) {
            launch(Dispatchers.Default) {
                mutex.withLock { counter++ }
            }
        }
    }
    mutex.lock()
    mutex.unlock()
    val semaphore = Semaphore(2)
    semaphore.withPermit { println("permit") }
    val lock = Any()
    synchronized(lock) { counter += 1 }
    withContext(Dispatchers.Default + traceId.asContextElement("t-1")) {
        println("trace = ${traceId.get()}")
    }
    supervisorScope {
        val failing = async { throw IllegalStateException("boom") }
        println(runCatching { failing.await() }.exceptionOrNull())
    }
    val outcome = runCatching { 1 / 0 }
    println("${outcome.isSuccess} ${outcome.getOrNull()}")
    println(System.currentTimeMillis() >= 0)
    Thread.sleep(1)
    GlobalScope.launch(Dispatchers.Unconfined) { }.join()
    listOf(launch { }, launch { }).joinAll()
    parent.cancel()
    scope.cancel()
    println("done, counter = $counter")
}
