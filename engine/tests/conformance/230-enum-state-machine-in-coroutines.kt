// Rule: entries are shared singletons across coroutines: a state kept in an enum property and changed by children of runBlocking is seen by the others later on, and entries pass through async results and withContext on another dispatcher.
import kotlinx.coroutines.*

enum class E230Phase(val next: String) {
    CREATED("STARTED"), STARTED("STOPPED"), STOPPED("STOPPED");

    fun advance(): E230Phase = valueOf(next)
}

class E230Machine {
    var phase = E230Phase.CREATED
    val history = mutableListOf<E230Phase>()

    fun step(): E230Phase {
        history.add(phase)
        phase = phase.advance()
        return phase
    }
}

fun main() = runBlocking {
    val m = E230Machine()
    val watcher = launch {
        delay(100)
        println("at 100: ${m.phase}")
        delay(400)
        println("at 500: ${m.phase}")
    }
    val results = (1..3).map { i -> async { delay(200L * i); m.step() } }.awaitAll()
    println(results)
    watcher.join()
    println(m.history)
    val byPhase = withContext(Dispatchers.Default) {
        E230Phase.values().associateBy { it.next }
    }
    println(byPhase)
    println(byPhase["STOPPED"] === E230Phase.STOPPED)
}
