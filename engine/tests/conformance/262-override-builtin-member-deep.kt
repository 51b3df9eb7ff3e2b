// Rule: A class may override a member of a built-in type its superclass extends (Exception's cause, Runnable's run, toString over an exception class), two or more levels down: a sealed exception hierarchy is caught by its base.
open class C262Ex(m: String) : Exception(m)
class C262E2 : C262Ex("m") { override val cause: Throwable? get() = null }
abstract class C262Task : Runnable
class C262T : C262Task() { override fun run() { println("ran") } }
sealed class C262AppError(msg: String) : Exception(msg)
class C262NotFound(val id: Int) : C262AppError("not found: $id") { override fun toString() = "NotFound($id)" }
fun main() {
    C262T().run()
    println(C262E2().message)
    try { throw C262NotFound(3) } catch (e: C262AppError) { println("caught $e ${e.message}") }
}
