// Rule: channels between threads: a producer on Dispatchers.Default and a consumer on runBlocking's thread see every element once and in order; workers on Default sharing one channel (fan-out) each take different elements and together take them all; several senders into one channel (fan-in) deliver everything; the consumer resumes on its own thread.
import kotlinx.coroutines.*
import kotlinx.coroutines.channels.*
import java.util.concurrent.atomic.AtomicInteger

fun main() = runBlocking {
    val numbers = produce(Dispatchers.Default) {
        for (i in 1..20) send(i)
    }
    var last = 0
    var inOrder = true
    for (x in numbers) {
        if (x != last + 1) inOrder = false
        last = x
    }
    println("1 last=$last inOrder=$inOrder thread=${Thread.currentThread().name}")
    val work = Channel<Int>()
    val total = AtomicInteger()
    val count = AtomicInteger()
    val workers = List(4) {
        launch(Dispatchers.Default) {
            for (w in work) {
                total.addAndGet(w)
                count.incrementAndGet()
            }
        }
    }
    for (i in 1..100) work.send(i)
    work.close()
    workers.joinAll()
    println("2 count=${count.get()} total=${total.get()}")
    val results = Channel<String>(Channel.UNLIMITED)
    coroutineScope {
        repeat(3) { k ->
            launch(Dispatchers.Default) {
                repeat(5) { results.send("p$k-$it") }
            }
        }
    }
    results.close()
    val got = mutableListOf<String>()
    for (r in results) got.add(r)
    println("3 ${got.size} ${got.sorted().joinToString(",")}")
    println("4 thread=${Thread.currentThread().name}")
}
