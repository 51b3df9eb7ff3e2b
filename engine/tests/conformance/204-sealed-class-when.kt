// Rule: a sealed class's subclasses (data classes and objects) are told apart with when (x) { is … }, is/!is, as and as?, and a data subclass prints and compares by its own properties.
sealed class H204Result {
    abstract val ok: Boolean
}

data class H204Success(val value: Int) : H204Result() {
    override val ok = true
}

data class H204Failure(val reason: String) : H204Result() {
    override val ok = false
}

object H204Pending : H204Result() {
    override val ok = false
    override fun toString() = "Pending"
}

fun h204Show(r: H204Result): String = when (r) {
    is H204Success -> "success ${r.value}"
    is H204Failure -> "failure ${r.reason}"
    H204Pending -> "pending"
}

fun main() {
    val results = listOf(H204Success(1), H204Failure("boom"), H204Pending, H204Success(2))
    for (r in results) {
        println(h204Show(r) + " ok=" + r.ok)
    }
    println(results.take(2))
    println(H204Success(3) == H204Success(3))
    println(H204Success(3) == H204Success(4))
    val first: H204Result = results[0]
    println(first is H204Success)
    println(first !is H204Failure)
    println(first is H204Result)
    println((first as H204Success).value)
    println(first as? H204Failure)
    println(results.filter { it is H204Success }.size)
    println(H204Pending is H204Result)
}
