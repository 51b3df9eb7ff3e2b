// Rule: a class's or an object's `val x by lazy { … }` runs its lambda on the first read only, and later reads (from any coroutine) return the kept value, null included; one lazy property may read another.
import kotlinx.coroutines.*

class C303Client(val name: String) {
    init { println("client $name created") }
}

class C303Repo(private val base: String) {
    private val client by lazy { println("creating client for $base"); C303Client(base) }
    val greeting: String by lazy { "hello from ${client.name}" }
    val nothing: String? by lazy { println("computing null"); null }
    fun use() = "using ${client.name}"
}

object C303Config {
    val port by lazy { println("reading port"); 8080 }
}

fun main() = runBlocking<Unit> {
    val r = C303Repo("db")
    println("repo made")
    println(r.use())
    println(r.use())
    println(r.greeting)
    println(r.nothing)
    println(r.nothing)
    println("config next")
    println(C303Config.port + 1)
    println(C303Config.port)
    val jobs = List(3) { i -> launch { delay(10L * i); println("job $i sees ${r.greeting}") } }
    jobs.joinAll()
}
