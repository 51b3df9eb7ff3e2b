// Lesson 2, context propagation: a trace id must travel with the coroutine, not with the thread.
import kotlinx.coroutines.*
import kotlin.coroutines.coroutineContext

val carry = "asContextElement" // @param one of "asContextElement", "bare ThreadLocal" "How the trace id is kept"
val launchStyle = "launch" // @param one of "launch", "GlobalScope.launch" "How the audit job is launched"
val hop = "Default" // @param one of "Default", "IO", "Unconfined" "Dispatcher of the database query"

val traceId = ThreadLocal<String>()

suspend fun log(step: String) {
    val name = coroutineContext[CoroutineName]?.name
    println("$step: trace=${traceId.get()} name=$name on ${Thread.currentThread().name}")
}

fun dispatcher() = when (hop) {
    "IO" -> Dispatchers.IO
    "Unconfined" -> Dispatchers.Unconfined
    else -> Dispatchers.Default
}

suspend fun handleRequest() = coroutineScope {
    log("request")
    withContext(dispatcher()) {
        log("query")
    }
    val audit = if (launchStyle == "GlobalScope.launch") {
        GlobalScope.launch { log("audit") }
    } else {
        launch { log("audit") }
    }
    audit.join()
}

fun main() = runBlocking {
    val context = if (carry == "asContextElement") {
        CoroutineName("request-42") + traceId.asContextElement("trace-42")
    } else {
        CoroutineName("request-42")
    }
    launch(context) {
        if (carry != "asContextElement") traceId.set("trace-42")
        handleRequest()
    }.join()
    println("after the request, the main thread has trace=${traceId.get()}")
}
