// Classes implementing CoroutineScope the way kotlinc refuses them.
import kotlinx.coroutines.*
import kotlin.coroutines.CoroutineContext

class NoContext : CoroutineScope {
    fun start() = launch { }
}

class HiddenContext : CoroutineScope {
    val coroutineContext: CoroutineContext = Job()
}

class CalledLikeAClass : CoroutineScope(Job()) {
    override val coroutineContext: CoroutineContext = Job()
}

class NotAScope {
    fun start() = launch { }
}

fun main() {}
