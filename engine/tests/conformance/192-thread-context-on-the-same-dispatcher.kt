// Rule: withContext with a ThreadLocal's asContextElement on the same dispatcher sets the value at once and gives the outer one back when it returns; Thread.currentThread() is the same object on the same thread; newSingleThreadContext threads are daemons, Executors' are not.
import kotlinx.coroutines.*
import java.util.concurrent.Executors

val c192Local = ThreadLocal<String?>()

fun main() = runBlocking {
    c192Local.set("main")
    withContext(c192Local.asContextElement("elem")) {
        println("inside: ${c192Local.get()}")
        println("still inside: ${c192Local.get()}")
    }
    println("after: ${c192Local.get()}")
    val single = newSingleThreadContext("single")
    launch(single + c192Local.asContextElement("outer")) {
        withContext(c192Local.asContextElement("inner")) {
            println("nested inside: ${c192Local.get()}")
            delay(100)
            println("nested inside after delay: ${c192Local.get()}")
        }
        println("nested after: ${c192Local.get()}")
    }.join()
    val here = Thread.currentThread()
    withContext(Dispatchers.Default) { }
    println("same main thread object: ${Thread.currentThread() === here}")
    val a = withContext(single) { Thread.currentThread() }
    val b = withContext(single) { Thread.currentThread() }
    println("same single thread object: ${a === b}, equal: ${a == b}")
    val seen = mutableSetOf<Thread>()
    repeat(3) { withContext(single) { seen.add(Thread.currentThread()) } }
    println("distinct threads: ${seen.size}")
    println("daemon: single=${a.isDaemon} main=${here.isDaemon}")
    val pool = Executors.newFixedThreadPool(1).asCoroutineDispatcher()
    println("pool daemon: ${withContext(pool) { Thread.currentThread().isDaemon }}")
    single.close()
    pool.close()
}
