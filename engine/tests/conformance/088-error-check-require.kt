// Rule: error("x") throws IllegalStateException: x; check(false) throws IllegalStateException "Check failed."; require(false) throws IllegalArgumentException "Failed requirement."; their lambdas give custom messages.
fun main() {
    println(runCatching { error("x") }.exceptionOrNull())
    println(runCatching { check(1 > 2) }.exceptionOrNull())
    println(runCatching { check(false) { "state is bad" } }.exceptionOrNull())
    println(runCatching { require(1 > 2) }.exceptionOrNull())
    val count = -1
    println(runCatching { require(count >= 0) { "count must be >= 0, was $count" } }.exceptionOrNull())
    println(runCatching { check(true); require(true); "both passed" }.getOrNull())
    try {
        error("fatal: $count")
    } catch (e: IllegalStateException) {
        println("caught: ${e.message}")
    }
}
