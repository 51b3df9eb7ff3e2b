// Rule: a failed as throws ClassCastException whose message names both classes and the module and class loader of each, as the JVM 9 and later write it: java.* classes are in java.base of the bootstrap loader, the program's and Kotlin's in the unnamed module of the app loader.
open class C320Base
class C320A : C320Base()
class C320B : C320Base()
data class C320Box(val v: Int)
fun c320Attempt(label: String, f: () -> Any?) {
    try { println("$label: ${f()}") } catch (e: ClassCastException) { println("$label: ${e.message}") }
}
fun main() {
    val one: Any = 1
    val text: Any = "t"
    val a: C320Base = C320A()
    c320Attempt("int as string") { one as String }
    c320Attempt("string as int") { text as Int }
    c320Attempt("a as b") { a as C320B }
    c320Attempt("box as string") { (C320Box(1) as Any) as String }
    c320Attempt("string as box") { text as C320Box }
    c320Attempt("list as string") { (listOf(1) as Any) as String }
    c320Attempt("list2 as map") { (listOf(1, 2) as Any) as Map<*, *> }
    c320Attempt("mutable list as set") { (mutableListOf(1) as Any) as Set<*> }
    c320Attempt("pair as list") { ((1 to 2) as Any) as List<*> }
    c320Attempt("hash map as list") { (hashMapOf(1 to 2) as Any) as List<*> }
    c320Attempt("exception as string") { (IllegalStateException("x") as Any) as String }
    c320Attempt("double as long") { (1.5 as Any) as Long }
    c320Attempt("bool as char") { (true as Any) as Char }
    c320Attempt("safe") { text as? Int }
}
