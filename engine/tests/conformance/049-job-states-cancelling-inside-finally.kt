// Rule: After cancel() a job is Cancelling (isActive=false, isCancelled=true, isCompleted=false), also as seen from inside its own finally block; it is Cancelled once the finally block ends.
import kotlinx.coroutines.*

fun c049Flags(j: Job) = "isActive=${j.isActive} isCompleted=${j.isCompleted} isCancelled=${j.isCancelled}"

fun main() = runBlocking {
    val job = launch {
        try {
            println("job: working")
            delay(Long.MAX_VALUE)
        } finally {
            val me = coroutineContext[Job]!!
            println("job: in finally, ${c049Flags(me)}")
        }
    }
    delay(100)
    println("main: before cancel, ${c049Flags(job)}")
    job.cancel()
    println("main: after cancel,  ${c049Flags(job)}")
    job.join()
    println("main: after join,    ${c049Flags(job)}")
}
