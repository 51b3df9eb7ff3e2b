// Review: why avoid GlobalScope?
import kotlinx.coroutines.*

val useGlobalScope = true // @param "Launch the audit with GlobalScope"

fun main() = runBlocking {
    if (useGlobalScope) {
        GlobalScope.launch(CoroutineName("audit")) {
            delay(100)
            println("audit record saved")
        }
    } else {
        launch(CoroutineName("audit")) {
            delay(100)
            println("audit record saved")
        }
    }
    println("response sent")
}
