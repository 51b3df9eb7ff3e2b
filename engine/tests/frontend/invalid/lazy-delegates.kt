// `by lazy` works on a class's properties; elsewhere, on a `var`, and other delegates are reported.
import kotlinx.coroutines.*

val topLevel by lazy { 1 }

class Holder {
    var counter by lazy { 0 }
    val other by Delegates.notNull<Int>()
}

fun main() = runBlocking<Unit> {
    val local by lazy { 2 }
    println(local)
}
