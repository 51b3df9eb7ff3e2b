// Rule: Map.getOrElse(key) { default } gives the key's value, or the lambda's when the key is missing or maps to null; List.getOrElse(index) { } still takes the index; takeLastWhile keeps the longest suffix that matches (a String gives a String); Result.fold runs onSuccess with the value or onFailure with the exception, named or positional.
fun main() {
    val m = mapOf("a" to 1, "b" to 2)
    println("M1 ${m.getOrElse("a") { 0 }} ${m.getOrElse("z") { -1 }} ${mapOf("n" to null).getOrElse("n") { "dflt" }}")
    val counts = mutableMapOf("x" to 5)
    println("M2 ${counts.getOrElse("x") { 0 } + 1} ${counts.getOrElse("y") { counts.size * 10 }}")
    println("M3 ${listOf(1, 2).getOrElse(5) { it * 100 }} ${listOf(1, 2).getOrElse(1) { -1 }}")
    println("M4 ${listOf(1, 2, 3, 4, 5).takeLastWhile { it > 2 }} ${listOf(1, 2).takeLastWhile { it > 5 }} ${listOf(3, 4).takeLastWhile { it > 0 }}")
    println("M5 ${"abc123".takeLastWhile { it.isDigit() }}|${"abc".takeLastWhile { it.isDigit() }}|")
    val ok = runCatching { "42".toInt() }.fold(onSuccess = { "ok ${it * 2}" }, onFailure = { "failed ${it.message}" })
    val bad = runCatching { "4x".toInt() }.fold(onSuccess = { "ok $it" }, onFailure = { "failed ${it.message}" })
    println("M6 $ok | $bad")
    println("M7 ${runCatching { "7".toInt() }.fold({ it + 1 }, { -1 })} ${runCatching { "".toInt() }.fold({ it + 1 }, { -1 })}")
    val kind = runCatching { error("boom") }.fold(
        onSuccess = { "none" },
        onFailure = { e -> e.javaClass.simpleName + ": " + e.message }
    )
    println("M8 $kind")
}
