// Rule: A suspend fun runs in its caller's coroutine, and an extension suspend fun CoroutineScope.x() launches children into the scope it is called on, which then waits for them.
import kotlinx.coroutines.*

suspend fun c109Step(name: String, ms: Long): String {
    delay(ms)
    println("  step $name done")
    return name
}

fun CoroutineScope.c109StartWorkers(count: Int) {
    repeat(count) { i ->
        launch {
            delay(100L * (count - i))
            println("  worker $i finished")
        }
    }
}

suspend fun CoroutineScope.c109Report(label: String) {
    delay(50)
    println("  report '$label', scope active = $isActive")
}

fun main() = runBlocking {
    println("main: ${c109Step("a", 100)} then ${c109Step("b", 100)}")
    coroutineScope {
        c109StartWorkers(3)
        println("main: workers started")
    }
    println("main: coroutineScope waited for all workers")
    c109Report("final")
}
