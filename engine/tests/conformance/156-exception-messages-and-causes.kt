// Rule: exceptions print as their class name and message: a subclass with extra properties, one without a message (just the class name), a cause (message "java.lang.X: m" when built from a cause alone); finally runs on return and on throw; nested try rethrows with a cause; the messages of error(), require, check, requireNotNull, TODO, first() on an empty list, a bad toInt() and division by zero are the JVM's; addSuppressed keeps the suppressed exception.
class C156Error(msg: String, val code: Int = 0) : Exception(msg)
class C156Sub : RuntimeException("sub failed")
class C156NoMsg : RuntimeException()
class C156Wrap(cause: Throwable) : Exception("wrapped", cause)
fun c156Divide(n: Int): Int {
    try {
        if (n == 0) throw IllegalArgumentException("zero")
        return 10 / n
    } finally {
        println("finally c156Divide($n)")
    }
}
fun main() {
    val e = C156Error("bad", 7)
    println("1 $e | ${e.message} | ${e.code}")
    println("2 ${C156Sub()} | ${C156NoMsg()} | ${C156NoMsg().message} | ${RuntimeException()} | ${Exception("x")}")
    val w = C156Wrap(IllegalStateException("root"))
    println("3 $w | ${w.cause} | ${w.cause?.message}")
    println("4 ${IllegalStateException("a", RuntimeException("b")).cause}")
    println("5 ${RuntimeException(IllegalStateException("inner"))} | ${RuntimeException(IllegalStateException("inner")).message}")
    try { c156Divide(0) } catch (ex: IllegalArgumentException) { println("6 caught ${ex.message}") }
    println("7 ${c156Divide(5)}")
    try {
        try {
            throw C156Error("inner")
        } catch (ex: C156Error) {
            println("8 inner catch")
            throw IllegalStateException("rethrown", ex)
        } finally {
            println("9 inner finally")
        }
    } catch (ex: Exception) {
        println("10 outer ${ex.javaClass.simpleName} ${ex.message} cause=${ex.cause?.message}")
    } finally {
        println("11 outer finally")
    }
    try { listOf(1)[5] } catch (ex: IndexOutOfBoundsException) { println("12 ${ex.javaClass.simpleName}") }
    try { "abc".toInt() } catch (ex: NumberFormatException) { println("13 ${ex.message}") }
    try { val z = 0; println(1 / z) } catch (ex: ArithmeticException) { println("14 $ex") }
    try { error("custom error") } catch (ex: IllegalStateException) { println("15 $ex") }
    try { require(false) { "req failed" } } catch (ex: IllegalArgumentException) { println("16 $ex") }
    try { check(1 > 2) { "check failed" } } catch (ex: IllegalStateException) { println("17 $ex") }
    try { require(false) } catch (ex: IllegalArgumentException) { println("18 $ex") }
    val s: String? = null
    try { requireNotNull(s) { "s missing" } } catch (ex: IllegalArgumentException) { println("19 ${ex.message}") }
    try { throw C156Sub() } catch (ex: C156Sub) { println("20 ${ex is C156Sub} ${ex is RuntimeException}") }
    val r = try { "12x".toInt() } catch (ex: NumberFormatException) { -1 } finally { println("21 fin") }
    println("22 $r")
    try { listOf<Int>().first() } catch (ex: NoSuchElementException) { println("24 ${ex.message}") }
    try { TODO("later") } catch (ex: NotImplementedError) { println("25 $ex") }
    try { throw UnsupportedOperationException("nope") } catch (ex: Exception) { println("26 $ex") }
    val t = Throwable("plain")
    println("27 $t ${t.localizedMessage}")
    val ex2 = RuntimeException("main")
    ex2.addSuppressed(IllegalStateException("sup"))
    println("28 ${ex2.suppressed.size} ${ex2.suppressed[0]}")
}
