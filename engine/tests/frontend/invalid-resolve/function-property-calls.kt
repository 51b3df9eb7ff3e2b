import kotlinx.coroutines.*

// Properties called as functions: only a value of a function type may be, with its own
// parameters, not named; a nullable one through ?.invoke(); a suspend one from a coroutine.
class Svc(val retries: Int, val onEvent: ((String) -> Unit)?, val fetch: suspend (Int) -> String, val mix: (Int, String) -> Int) {
    fun tick() = onEvent("tick")
    fun count() = retries()
    fun load() = fetch(1)
    fun both() = mix(1)
    fun named() = mix(p1 = 1, p2 = "a")
    fun extra() = this.mix(1, "a", 2)
}

val limit = 3

fun main() {
    val s = Svc(1, null, { "x" }, { n, _ -> n })
    s.retries()
    s.fetch(2)
    limit()
    val maybe: Svc? = s
    maybe?.mix(1, "b")
    // A property that cannot be called leaves the name to the function it shadows.
    val delay = 5L
    runBlocking { Poller(delay).poll() }
}

class Poller(val delay: Long) {
    suspend fun poll() = delay(delay)
}
