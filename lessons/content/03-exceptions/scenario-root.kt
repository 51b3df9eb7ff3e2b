// Lesson 3, exceptions: who owns the error of a root coroutine?
import kotlinx.coroutines.*
import kotlin.coroutines.EmptyCoroutineContext

val builder = "launch" // @param one of "launch", "async" "Builder of the failing job"
val rootJob = "SupervisorJob()" // @param one of "Job()", "SupervisorJob()" "Job of the root scope"
val withHandler = true // @param "Install the CoroutineExceptionHandler"

object logger {
    fun error(message: String) = println("ERROR $message")
    fun info(message: String) = println("INFO $message")
}

// Proper root handler setup
val handler = CoroutineExceptionHandler { _, exception ->
    logger.error("Caught $exception in root scope")
}

fun main() = runBlocking {
    val job = if (rootJob == "SupervisorJob()") SupervisorJob() else Job()
    val context = Dispatchers.Default + job + (if (withHandler) handler else EmptyCoroutineContext)
    val rootScope = CoroutineScope(context)

    val heartbeat = rootScope.launch(CoroutineName("heartbeat")) {
        repeat(3) { i ->
            delay(100)
            logger.info("heartbeat $i")
        }
    }
    val report = if (builder == "launch") {
        rootScope.launch(CoroutineName("report")) {
            delay(50)
            throw Exception("Critical failure")
        }
    } else {
        rootScope.async(CoroutineName("report")) {
            delay(50)
            throw Exception("Critical failure")
        }
    }
    heartbeat.join()
    report.join()
    logger.info("heartbeat cancelled: ${heartbeat.isCancelled}, root scope active: ${job.isActive}")
}
