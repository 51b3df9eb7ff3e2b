// Rule: String.format's %N$ names an argument by its position and %< reuses the previous one, neither moving the ordinary position; a position past the arguments throws MissingFormatArgumentException.
fun main() {
    println(String.format("%2\$s %1\$s", "a", "b"))
    println(String.format("%s %s %1\$s %s", "x", "y", "z"))
    println(String.format("%d items, %<d again, then %s", 3, "done"))
    println(String.format("%1\$5.2f|%1\$-8.1f|", 3.14159))
    println("%2\$s-%1\$s".format("left", "right"))
    try {
        println(String.format("%3\$s", "only", "two"))
    } catch (e: java.util.MissingFormatArgumentException) {
        println("missing: ${e.message}")
    }
}
