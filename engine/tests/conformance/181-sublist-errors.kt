// Rule: subList checks its bounds as the JVM's lists do: a negative start throws IndexOutOfBoundsException "fromIndex = -1", an end past the size "toIndex = 3", a start after the end IllegalArgumentException "fromIndex(2) > toIndex(1)", in that order, for listOf, mutableListOf and a singleton alike, while the empty list reports "fromIndex: 1, toIndex: 3".
fun c181(f: () -> Any?): String = try { f().toString() } catch (e: RuntimeException) { e.toString() }

fun main() {
    val two = listOf(1, 2)
    val ml = mutableListOf(1, 2)
    val one = listOf(1)
    val none = emptyList<Int>()
    println("S1 ${two.subList(0, 1)} ${ml.subList(1, 2)} ${one.subList(0, 1)} ${none.subList(0, 0)} ${listOf(1, 2, 3).subList(1, 3)}")
    for ((name, l) in listOf("listOf(1, 2)" to two, "mutableListOf(1, 2)" to ml, "listOf(1)" to one, "emptyList()" to none, "mutableListOf()" to mutableListOf<Int>())) {
        println("S2 $name: ${c181 { l.subList(1, 3) }} | ${c181 { l.subList(-1, 1) }} | ${c181 { l.subList(2, 1) }} | ${c181 { l.subList(3, 1) }}")
    }
    println("S3 ${runCatching { two.subList(1, 3) }.exceptionOrNull()?.javaClass?.simpleName}")
    try {
        ml.subList(2, 1)
    } catch (e: IllegalArgumentException) {
        println("S4 caught ${e.message}")
    }
}
