// Rule: Dispatchers.Default and Dispatchers.IO run coroutines on shared worker threads named DefaultDispatcher-worker-N (the number N varies), never on main.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val prefix = "DefaultDispatcher-worker-"
    val onDefault = withContext(Dispatchers.Default) { Thread.currentThread().name }
    println("withContext(Default) on a DefaultDispatcher worker: ${onDefault.startsWith(prefix)}")
    println("number after the prefix: ${onDefault.substring(prefix.length).toInt() >= 1}")
    val onIo = withContext(Dispatchers.IO) { Thread.currentThread().name }
    println("withContext(IO) on a DefaultDispatcher worker: ${onIo.startsWith(prefix)}")
    val launched = async(Dispatchers.Default) { Thread.currentThread().name }.await()
    println("async(Default) on a DefaultDispatcher worker: ${launched.startsWith(prefix)}")
    println("none of them is main: ${onDefault != "main" && onIo != "main" && launched != "main"}")
    println("back on: ${Thread.currentThread().name}")
}
