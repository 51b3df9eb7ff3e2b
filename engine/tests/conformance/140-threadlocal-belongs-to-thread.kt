// Rule: A ThreadLocal set inside a coroutine stays with the thread: after withContext moves the coroutine to thread b it reads null, and back on thread a it reads the value again.
import kotlinx.coroutines.*

val c140Tl = ThreadLocal<String?>()

fun main() = runBlocking {
    val a = newSingleThreadContext("a")
    val b = newSingleThreadContext("b")
    withContext(a) {
        c140Tl.set("set on a")
        println("on ${Thread.currentThread().name}: ${c140Tl.get()}")
        withContext(b) { println("on ${Thread.currentThread().name}: ${c140Tl.get()}") }
        println("back on ${Thread.currentThread().name}: ${c140Tl.get()}")
    }
    println("on ${Thread.currentThread().name}: ${c140Tl.get()}")
    a.close()
    b.close()
}
