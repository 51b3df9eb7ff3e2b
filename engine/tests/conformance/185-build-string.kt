// Rule: buildString { } runs its lambda with a fresh StringBuilder as receiver and gives its text: append and appendln (a line and "\n") are called without a receiver or on this, chain, take any value, and see the length so far; loops and other calls may run inside.
fun c185Row(cells: List<Int>): String = buildString {
    for ((i, c) in cells.withIndex()) {
        if (i > 0) append(" | ")
        append(c)
    }
}

fun main() {
    val s = buildString {
        append("a")
        append(1).append('c').append(2.5).append(true).append(null as String?)
        appendln()
        appendln("line")
        this.append("x")
    }
    println("B1 [$s] ${s.length}")
    println("B2 ${c185Row(listOf(1, 22, 333))}|${c185Row(listOf())}|")
    val counted = buildString {
        repeat(3) { append(it) }
        append(":").append(length)
    }
    println("B3 $counted")
    val nested = buildString {
        append("<")
        append(buildString { append("in"); append(listOf(1, 2)) })
        append(">")
    }
    println("B4 $nested")
    val lines = buildString { listOf("x", "y").forEach { appendln(it.toUpperCase()) } }
    print("B5 $lines")
    println("B6 ${buildString { }.isEmpty()}")
}
