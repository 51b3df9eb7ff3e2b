// A suspend function and a plain one are different functions: an override must match the
// overridden member's 'suspend', or it overrides nothing (kotlinc also calls them conflicting
// overloads).
import kotlinx.coroutines.*
interface S1Repo { suspend fun load(id: Int): String }
class S1Fake : S1Repo { override fun load(id: Int): String = "x" }
open class S1Base { open fun f() = 1 }
class S1Sub : S1Base() { override suspend fun f() = 2 }
fun main() = runBlocking { println(S1Fake().load(1)) }
