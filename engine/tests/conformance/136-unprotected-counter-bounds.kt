// Rule: An unprotected counter++ from 100 Default coroutines can lose updates, so only its bounds are certain; confined to runBlocking's single thread the same loop is exact.
import kotlinx.coroutines.*

var c136Shared = 0
var c136Confined = 0

fun main() = runBlocking {
    withContext(Dispatchers.Default) {
        repeat(100) {
            launch {
                repeat(1000) { c136Shared++ }
            }
        }
    }
    println("shared counter in 1..100000: ${c136Shared in 1..100000}")
    coroutineScope {
        repeat(100) {
            launch {
                repeat(1000) { c136Confined++ }
            }
        }
    }
    println("confined counter = $c136Confined")
}
