// Rule: withContext(NonCancellable) finishes its block even though the coroutine is cancelled.
import kotlinx.coroutines.*

// Code inside withContext(NonCancellable) runs to its end although the coroutine was
// cancelled; the next ordinary suspension point then throws.
fun main() = runBlocking {
    val save = async {
        withContext(NonCancellable) {
            println("save: writing part 1")
            delay(200)
            println("save: writing part 2 (not interrupted)")
            delay(200)
            println("save: all parts written")
        }
        println("save: left NonCancellable, active = $isActive")
        delay(100)
        println("save: never printed")
        "saved"
    }
    delay(100)
    save.cancel()
    println("main: cancelled save, isCancelled = ${save.isCancelled}")
    try {
        println(save.await())
    } catch (e: CancellationException) {
        println("main: await threw CancellationException, cause = ${e.cause}")
    }
}
