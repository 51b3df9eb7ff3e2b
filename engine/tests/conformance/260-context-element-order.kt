// Rule: A context prints its elements in the order they were added (a replaced element moves to the end, the coroutine's own Job is added last, the dispatcher always comes last), and a ThreadLocal's context element prints with its value.
import kotlinx.coroutines.*

val c260Trace = ThreadLocal<String>()

// Hash codes differ from run to run: each `@` and the hex digits after it print as `@#`.
fun c260Show(label: String, text: String) {
    val out = StringBuilder()
    var inHash = false
    for (ch in text) {
        if (ch == '@') {
            out.append("@#")
            inHash = true
        } else if (inHash && "0123456789abcdef".indexOf(ch) >= 0) {
            continue
        } else {
            inHash = false
            out.append(ch)
        }
    }
    println("$label: $out")
}

fun main() = runBlocking {
    c260Show("plain", (CoroutineName("n") + c260Trace.asContextElement("v")).toString())
    launch(CoroutineName("a") + c260Trace.asContextElement("x")) { c260Show("name first", coroutineContext.toString()) }.join()
    launch(c260Trace.asContextElement("y") + CoroutineName("b")) { c260Show("thread local first", coroutineContext.toString()) }.join()
    launch(c260Trace.asContextElement("p") + CoroutineName("outer")) {
        launch(CoroutineName("inner")) { c260Show("inherited", coroutineContext.toString()) }.join()
    }.join()
    withContext(CoroutineName("w")) { c260Show("withContext", coroutineContext.toString()) }
    c260Show("runBlocking", coroutineContext.toString())
}
