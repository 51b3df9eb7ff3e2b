// Rule: A class that implements CoroutineScope launches into its own coroutineContext: launch inside its members is this.launch, the children belong to the class's job and take its dispatcher and name, and cancelling that job (the lifecycle's end) cancels every child still running, after which launch starts nothing.
import kotlinx.coroutines.*
import kotlin.coroutines.CoroutineContext
import java.util.concurrent.atomic.AtomicInteger

class S284Service : CoroutineScope {
    private val job = SupervisorJob()
    override val coroutineContext: CoroutineContext get() = Dispatchers.Default + job + CoroutineName("svc")
    val done = AtomicInteger()
    val cancelled = AtomicInteger()

    fun start(id: Int) = launch {
        try {
            delay(100L * id)
            println("task $id done in ${coroutineContext[CoroutineName]!!.name} on a worker: ${Thread.currentThread().name.startsWith("DefaultDispatcher-worker")}")
            done.incrementAndGet()
        } catch (e: CancellationException) {
            cancelled.incrementAndGet()
            throw e
        }
    }

    fun children() = job.children.count()
    fun stop() = job.cancel()
}

fun main() = runBlocking {
    val svc = S284Service()
    val tasks = (1..4).map { svc.start(it) }
    println("started ${svc.children()} children, active=${svc.isActive}")
    delay(250)
    println("after 250 ms: ${svc.done.get()} done, ${svc.children()} running")
    svc.stop()
    tasks.forEach { it.join() }
    println("stopped: active=${svc.isActive}, children=${svc.children()}, done=${svc.done.get()}, cancelled=${svc.cancelled.get()}")
    val late = svc.start(9)
    late.join()
    println("launched after stop: cancelled=${late.isCancelled}, completed=${late.isCompleted}")
}
