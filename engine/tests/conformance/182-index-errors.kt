// Rule: a bad index throws what the JVM class behind the value throws: listOf(a, b, …), sorted() and arrays ArrayIndexOutOfBoundsException "Index 5 out of bounds for length 2"; mutableListOf, map/filter results, List(n) and toList() of two or more IndexOutOfBoundsException with the same message; listOf(a) and one-element toList()/take/sorted "Index: 5, Size: 1"; listOf(), emptyList() and empty toList() "Empty list doesn't contain element at index 0."; a String StringIndexOutOfBoundsException "String index out of range: 5"; both subclasses are caught as IndexOutOfBoundsException and RuntimeException, and the class prints when the exception escapes main.
fun c182(f: () -> Any?): String = try { f().toString() } catch (e: RuntimeException) { e.toString() }

fun main() {
    val l = listOf(1, 2)
    val ml = mutableListOf(1, 2)
    println("I1 ${c182 { l[5] }}")
    println("I2 ${c182 { arrayOf(1, 2)[3] }} | ${c182 { intArrayOf(1, 2)[-1] }} | ${c182 { Array(2) { it }[2] }}")
    println("I3 ${c182 { ml[5] }} | ${c182 { l.map { it * 2 }[4] }} | ${c182 { l.filter { it > 0 }[2] }} | ${c182 { List(3) { it }[3] }}")
    println("I4 ${c182 { listOf(1)[-1] }} | ${c182 { (1..1).toList()[1] }} | ${c182 { listOf(1, 2, 3).take(1)[2] }} | ${c182 { listOf(3).sorted()[1] }}")
    println("I5 ${c182 { emptyList<Int>()[0] }} | ${c182 { listOf<Int>()[0] }} | ${c182 { (1..0).toList()[0] }} | ${c182 { listOf(1, 2).take(0)[0] }}")
    println("I6 ${c182 { listOf(2, 1).sorted()[2] }} | ${c182 { listOf(2, 1).sortedBy { it }[2] }} | ${c182 { (1..3).toList()[7] }} | ${c182 { listOf(1, 2).reversed()[2] }}")
    println("I7 ${c182 { "abc"[5] }} | ${c182 { "abc"[-1] }} | ${c182 { "abc".substring(2, 1) }}")
    println("I8 ${c182 { ml.removeAt(5) }} | ${c182 { ml.set(5, 0) }} | ${c182 { ml.add(5, 0) }} | ${c182 { mutableListOf<Int>().removeAt(0) }}")
    println("I9 ${c182 { listOf<Int>().first() }} ${runCatching { mutableListOf<Int>().last() }.exceptionOrNull()}")
    val (a, b) = l
    println("I10 $a $b ${c182 { val (x, y, z) = l; z }}")
    try {
        arrayOf(1)[3]
    } catch (e: RuntimeException) {
        println("I11 ${e.javaClass.simpleName} ${e is IndexOutOfBoundsException} ${e.message}")
    }
    try {
        "a"[3]
    } catch (e: StringIndexOutOfBoundsException) {
        println("I12 ${e.message}")
    }
    try {
        l[2]
    } catch (e: ArrayIndexOutOfBoundsException) {
        println("I13 ${e.message}")
    }
    println(l[3])
}
