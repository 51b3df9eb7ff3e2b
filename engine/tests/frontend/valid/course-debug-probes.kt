// The article's leak-hunting sample, around a coroutine that never ends.
import kotlinx.coroutines.*
import kotlinx.coroutines.debug.DebugProbes

fun main() = runBlocking {
    // Example of using DebugProbes to identify leaks
    DebugProbes.install()
    val leak = GlobalScope.launch { delay(Long.MAX_VALUE) }
    delay(100)
    // ... later in a diagnostic endpoint
    DebugProbes.dumpCoroutines(System.out)
    leak.cancel()
}
