// Rule: an enum class's `entries` (Kotlin 1.9) is the list of its entries in declaration order: printed as a list, indexed, searched, iterated, sorted, equal to values().toList(), and named without a qualifier inside the class.
enum class E232Color(val hex: String) {
    RED("#f00"), GREEN("#0f0"), BLUE("#00f");

    fun next() = entries[(ordinal + 1) % entries.size]
}

fun main() {
    println(E232Color.entries)
    println(E232Color.entries.size)
    println(E232Color.entries[1].hex)
    println(E232Color.entries.indexOf(E232Color.BLUE))
    println(E232Color.entries.map { it.hex })
    for (c in E232Color.entries) print("${c.next()} ")
    println()
    println(E232Color.entries == E232Color.values().toList())
    println(E232Color.entries.first { it.hex.endsWith("f") })
    println(E232Color.entries.last())
    println(E232Color.entries.sortedDescending())
    println(E232Color.entries.contains(E232Color.GREEN))
}
