// Rule: threadLocal.asContextElement(value) sets the ThreadLocal to value on whatever thread the coroutine runs or resumes, inherits into withContext, and leaves other coroutines' values alone.
import kotlinx.coroutines.*

val c138Request = ThreadLocal<String?>()

fun main() = runBlocking {
    c138Request.set("main-request")
    val job = launch(Dispatchers.Default + c138Request.asContextElement("req-42")) {
        println("start: ${c138Request.get()}")
        delay(100)
        println("after delay: ${c138Request.get()}")
        withContext(Dispatchers.IO) { println("in withContext(IO): ${c138Request.get()}") }
        println("back: ${c138Request.get()}")
    }
    job.join()
    println("plain withContext(Default): ${withContext(Dispatchers.Default) { c138Request.get() }}")
    println("main: ${c138Request.get()}")
}
