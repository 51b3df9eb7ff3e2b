// Rule: The job in a scope class's coroutineContext decides what a failure does: with Job() one failing child cancels its siblings and the whole scope (later launches start cancelled), with SupervisorJob() it fails alone; a getter that makes a new Job() at each read gives every child a parent of its own that nothing else cancels; and launching from an initializer before the context property is set throws a NullPointerException.
import kotlinx.coroutines.*
import kotlin.coroutines.CoroutineContext

class S286Holder(supervised: Boolean) : CoroutineScope {
    private val handler = CoroutineExceptionHandler { _, e -> println("handler got ${e.message}") }
    private val job: Job = if (supervised) SupervisorJob() else Job()
    override val coroutineContext: CoroutineContext get() = job + handler

    fun failLater(ms: Long) = launch { delay(ms); throw IllegalStateException("boom after $ms") }
    fun work(ms: Long) = launch {
        try {
            delay(ms)
            println("work $ms finished")
        } catch (e: CancellationException) {
            println("work $ms cancelled")
        }
    }
}

class S286FreshJob : CoroutineScope {
    override val coroutineContext: CoroutineContext get() = Job() + Dispatchers.Unconfined
}

class S286Early : CoroutineScope {
    init {
        launch { println("never runs") }
    }
    override val coroutineContext: CoroutineContext = Job()
}

fun main() = runBlocking<Unit> {
    for (supervised in listOf(false, true)) {
        println("-- supervised=$supervised")
        val h = S286Holder(supervised)
        val w = h.work(100)
        h.failLater(50)
        w.join()
        val late = h.work(10)
        late.join()
        println("scope active=${h.isActive}, late child cancelled=${late.isCancelled}")
    }

    println("-- a new Job at each read")
    val fresh = S286FreshJob()
    val child = fresh.launch { delay(50); println("child still ran") }
    fresh.coroutineContext.cancel()
    println("cancelled a fresh job: scope still active=${fresh.isActive}")
    child.join()
    println("child cancelled=${child.isCancelled}")

    println("-- launch in init")
    try {
        S286Early()
    } catch (e: NullPointerException) {
        println("caught ${e.javaClass.simpleName}")
    }
}
