import kotlinx.coroutines.*

fun main() = runBlocking {
    val a = async { 1 }
    val b = async { 2 } val c = 3
    println(a.await() + b.await(
    when (c) {
        3 "three"
        else -> "other"
    }
    println('xy')
}
