// Rule: A child with threadLocal.asContextElement(value) on main sets the value only while it runs: while it is suspended main's coroutine sees its own value again.
import kotlinx.coroutines.*

val c139Trace = ThreadLocal<String?>()

fun main() = runBlocking {
    c139Trace.set("main-trace")
    launch(c139Trace.asContextElement("child-trace")) {
        println("child: ${c139Trace.get()}")
        delay(200)
        println("child after delay: ${c139Trace.get()}")
    }
    println("main before the child runs: ${c139Trace.get()}")
    delay(100)
    println("main while the child is suspended: ${c139Trace.get()}")
    delay(200)
    println("main at the end: ${c139Trace.get()}")
}
