// Library names Kotlin does not import by default need their import; kotlin.* and
// java.lang.* names (println, listOf, Thread, ThreadLocal) do not.
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    val lock = Mutex()
    delay(10)
    println(Dispatchers.Default)
    delay(20)
    println(listOf(abs(-1), Thread.currentThread().name.length))
}
