// Rule: a coroutine running unconfined is inside its thread's unconfined event loop: coroutines it starts or resumes unconfined wait in that loop until it suspends or ends, instead of cutting in.
import kotlinx.coroutines.*

fun main() = runBlocking {
    launch(Dispatchers.Unconfined) {
        println("1 outer starts")
        launch(Dispatchers.Unconfined) { println("3 inner body") }
        println("2 outer after inner launch")
    }.join()
    val d = CompletableDeferred<Int>()
    launch(Dispatchers.Unconfined) { println("4 waiter got ${d.await()}") }
    launch(Dispatchers.Unconfined) {
        println("5 completer before")
        d.complete(1)
        println("6 completer after")
    }.join()
    val r = async(Dispatchers.Unconfined) {
        val x = async(Dispatchers.Unconfined) { println("8 nested async body"); 1 }
        println("7 outer async continues")
        x.await() + 1
    }
    println("9 result ${r.await()}")
}
