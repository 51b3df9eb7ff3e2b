// Rule: runCatching { } captures the value or the exception: isSuccess, isFailure, getOrNull() and exceptionOrNull() read it back.
fun main() {
    val ok = runCatching { 6 * 7 }
    println("ok: isSuccess = ${ok.isSuccess}, isFailure = ${ok.isFailure}, getOrNull = ${ok.getOrNull()}, exceptionOrNull = ${ok.exceptionOrNull()}")
    val bad = runCatching { error("no data") }
    println("bad: isSuccess = ${bad.isSuccess}, isFailure = ${bad.isFailure}, getOrNull = ${bad.getOrNull()}, exceptionOrNull = ${bad.exceptionOrNull()}")
    println("message: ${bad.exceptionOrNull()?.message}")
    val zero = 0
    val parsed = runCatching { 10 / zero }.getOrNull() ?: -1
    println("parsed = $parsed")
    val results = listOf(1, 0, 5).map { d -> runCatching { 100 / d } }
    println(results.map { it.isSuccess })
    println(results.map { it.getOrNull() })
}
