// Rule: Result's transforms: map runs its lambda on a success's value and keeps a failure (what the lambda throws goes through), mapCatching turns what it throws into a failure, recover turns a failure into a success, recoverCatching catches what its lambda throws; a List's map is still a List's.

fun r296parse(s: String): Int = s.toInt()

fun main() {
    val ok = runCatching { r296parse("21") }
    val bad = runCatching { r296parse("x") }
    println(ok.map { it * 2 })
    println(bad.map { it * 2 }.exceptionOrNull()?.javaClass?.simpleName)
    println(ok.map { it.toString() + "!" }.getOrNull())
    println(listOf(1, 2).map { it + 1 })
    println(ok.mapCatching { if (it > 20) throw IllegalStateException("too big $it") else it }.exceptionOrNull()?.message)
    println(ok.mapCatching { it + 1 }.getOrThrow())
    println(bad.recover { -1 }.getOrThrow())
    println(ok.recover { -1 }.getOrThrow())
    println(bad.recoverCatching { e -> throw IllegalArgumentException("wrapped " + e.javaClass.simpleName) }.exceptionOrNull()?.message)
    println(bad.recoverCatching { 0 }.isSuccess)
    val chained = runCatching { r296parse("5") }.map { it * 10 }.mapCatching { 100 / (it - 50) }.recover { -99 }
    println(chained)
    try {
        ok.map { throw RuntimeException("not caught by map") }
    } catch (e: RuntimeException) {
        println("map rethrows: ${e.message}")
    }
    println(Result.success(3).map { it + 1 })
    println(Result.failure<Int>(IllegalStateException("f")).map { it + 1 })
}
