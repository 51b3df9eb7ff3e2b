// Rule: After cancel(): the job is Cancelling (not active, not completed) until its finally finishes; join waits.
import kotlinx.coroutines.*

// Right after cancel() a job is Cancelling: not active, not completed, cancelled.
// join() waits until its finally block has run; then the job is completed.
fun c027JobState(j: Job) = "isActive=${j.isActive}, isCompleted=${j.isCompleted}, isCancelled=${j.isCancelled}"

fun main() = runBlocking {
    val download = launch {
        try {
            println("download: started")
            delay(Long.MAX_VALUE)
        } finally {
            println("download: finally runs")
        }
    }
    delay(100)
    println("before cancel: ${c027JobState(download)}")
    download.cancel()
    println("after cancel:  ${c027JobState(download)}")
    download.join()
    println("after join:    ${c027JobState(download)}")

    val upload = launch(start = CoroutineStart.UNDISPATCHED) {
        try {
            delay(Long.MAX_VALUE)
        } finally {
            println("upload: finally runs")
        }
    }
    println("main: calling cancelAndJoin on upload")
    upload.cancelAndJoin()
    println("main: upload ${c027JobState(upload)}")
}
