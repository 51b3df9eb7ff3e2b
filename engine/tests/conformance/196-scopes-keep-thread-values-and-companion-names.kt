// Rule: coroutineScope and withTimeout leave a ThreadLocal's value as the code set it, while a withContext that changes the context sets its thread-local elements and gives the code's value back after; inside a class its companion's names come before top-level ones, and a companion may assign its class's private-set property.
import kotlinx.coroutines.*

val c196Local = ThreadLocal<String>()
val count = 100

class C196Counter {
    var n = 0
        private set

    companion object {
        var count = 0
        fun withValue(v: Int): C196Counter {
            val c = C196Counter()
            c.n = v
            return c
        }
    }

    fun read() = count
    fun bump() {
        count = count + 1
    }
}

fun main() = runBlocking(c196Local.asContextElement("outer")) {
    c196Local.set("mutated")
    coroutineScope { println("a ${c196Local.get()}") }
    println("b ${c196Local.get()}")
    withTimeout(1000) { println("c ${c196Local.get()}") }
    withContext(CoroutineName("n")) { println("d ${c196Local.get()}") }
    println("e ${c196Local.get()}")
    val counter = C196Counter.withValue(5)
    counter.bump()
    println("${counter.n} ${counter.read()} ${C196Counter.count} $count")
}
