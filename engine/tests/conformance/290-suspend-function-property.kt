// Rule: A property of suspend function type is called by its name from a coroutine and suspends there: delay inside it takes its time, calls from async run concurrently (two or three loads take about one load's time), a call inside the class (with and without this), from outside and through top-level and object properties all suspend, and a cancelled caller is cancelled inside the injected function.

import kotlinx.coroutines.*

class C290Repo(private val fetch: suspend (Int) -> String, val save: suspend (String) -> Unit) {
    suspend fun load(id: Int) = fetch(id)
    suspend fun loadThis(id: Int) = this.fetch(id)
    suspend fun loadBoth(a: Int, b: Int) = coroutineScope {
        val x = async { fetch(a) }
        val y = async { loadThis(b) }
        x.await() + " & " + y.await()
    }
}

val c290Tick: suspend () -> Long = {
    delay(250)
    250L
}

object C290Clock {
    val sleep: suspend (Long) -> Unit = { ms -> delay(ms) }
}

fun main() = runBlocking<Unit> {
    var start = System.currentTimeMillis()
    fun took() = System.currentTimeMillis() - start
    val repo = C290Repo(
        { id -> delay(400); "item $id" },
        { text -> delay(400); println("saved $text") }
    )
    println(repo.load(1))
    println("one load waited for its delay: ${took() >= 400}")
    start = System.currentTimeMillis()
    println(repo.loadBoth(2, 3))
    println("two loads in parallel took one delay: ${took() in 400..799}")
    start = System.currentTimeMillis()
    val loads = (4..6).map { id -> async { repo.load(id) } }
    println(loads.awaitAll())
    println("three loads in parallel took one delay: ${took() in 400..799}")
    start = System.currentTimeMillis()
    repo.save("everything")
    println(c290Tick() + c290Tick())
    println("save and two ticks waited in turn: ${took() >= 900}")
    start = System.currentTimeMillis()
    C290Clock.sleep(300)
    println("the clock slept: ${took() >= 300}")

    val slow = C290Repo({ id ->
        try {
            delay(10_000)
            "never $id"
        } finally {
            println("fetch $id cancelled")
        }
    }, { })
    val job = launch { println(slow.load(9)) }
    delay(150)
    job.cancelAndJoin()
    println("cancelled: ${job.isCancelled}")
}
