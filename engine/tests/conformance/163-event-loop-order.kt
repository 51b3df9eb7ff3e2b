// Rule: runBlocking's event loop order: launched children wait until the parent suspends, then run in launch order; an UNDISPATCHED launch runs at once up to its first suspension; timers fire by deadline and equal deadlines in the order they were set; coroutines that yield take turns round by round; async and a launch in coroutineScope run only when the caller suspends.
import kotlinx.coroutines.*
fun main() = runBlocking {
    val order = mutableListOf<String>()
    launch { delay(300); order.add("a300") }
    launch { delay(100); order.add("b100") }
    launch { order.add("c0") }
    launch { delay(100); order.add("d100") }
    launch(start = CoroutineStart.UNDISPATCHED) { order.add("e-undispatched"); delay(50); order.add("e50") }
    order.add("main")
    yield()
    order.add("main-after-yield")
    delay(500)
    println("1 $order")
    val jobs = mutableListOf<Job>()
    for (i in 0 until 3) {
        jobs += launch {
            repeat(2) { r -> println("2 job $i round $r"); yield() }
        }
    }
    jobs.forEach { it.join() }
    var x = 0
    val j = launch { while (x < 3) { x++; println("3 x=$x"); yield() } }
    println("4 launched")
    j.join()
    val a = async { println("5 async body"); 7 }
    println("6 before await")
    println("7 ${a.await()}")
    coroutineScope { launch { println("8 inner launch") }; println("9 scope body") }
    println("10 after scope")
}
