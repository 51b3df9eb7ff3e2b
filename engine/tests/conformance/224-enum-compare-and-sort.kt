// Rule: entries compare by ordinal: <, >, <= and >=, compareTo (the difference of the ordinals), sorted() and sortedDescending(), max and min, and coerceIn.
enum class E224Level { TRACE, DEBUG, INFO, WARN, ERROR }

fun main() {
    println(E224Level.DEBUG < E224Level.WARN)
    println(E224Level.ERROR > E224Level.INFO)
    println(E224Level.INFO <= E224Level.INFO)
    println(E224Level.TRACE >= E224Level.DEBUG)
    println(E224Level.ERROR.compareTo(E224Level.DEBUG))
    println(E224Level.TRACE.compareTo(E224Level.WARN))
    println(E224Level.INFO.compareTo(E224Level.INFO))
    val seen = listOf(E224Level.WARN, E224Level.TRACE, E224Level.ERROR, E224Level.DEBUG, E224Level.WARN)
    println(seen.sorted())
    println(seen.sortedDescending())
    println(seen.sortedBy { it.name })
    println(seen.max())
    println(seen.min())
    println(seen.filter { it >= E224Level.WARN })
    println(maxOf(E224Level.INFO, E224Level.DEBUG))
    println(E224Level.ERROR.coerceIn(E224Level.DEBUG, E224Level.WARN))
    println(E224Level.TRACE.coerceAtLeast(E224Level.INFO))
    val threshold = E224Level.INFO
    for (l in E224Level.values()) {
        if (l < threshold) continue
        print("$l ")
    }
    println()
}
