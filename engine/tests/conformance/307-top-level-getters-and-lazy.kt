// Rule: a top-level property with a getter is computed at each read, and a top-level `val x by lazy { … }` on the first read only, after main has started; both may hold a function that is then called.
import kotlinx.coroutines.*

val c307Config by lazy { println("loading c307Config"); mapOf("port" to 8080, "host" to 1) }
val c307IsDebug: Boolean get() = c307Config.size > 1
val c307Greeting get() = "hello " + c307Name
var c307Name = "ann"
val c307Handler: (Int) -> Int by lazy { { x: Int -> x * 3 } }

fun main() = runBlocking<Unit> {
    println("main starts")
    println(c307IsDebug)
    println(c307Config["port"])
    println(c307Greeting)
    c307Name = "bob"
    println(c307Greeting)
    println(c307Greeting.length)
    println(c307Handler(5))
    launch { println("in a coroutine: ${c307Config.size}") }
}
