// Rule: trim, trimStart and trimEnd take characters, whitespace is Kotlin's (Java's isWhitespace or isSpaceChar: \u001C yes, \u0085 no, no-break space yes), lines() splits at \r\n, \r and \n, Char.equals takes ignoreCase, and a label may have a space before its lambda's brace.
fun main() {
    println("[" + "xxaxx".trimStart('x') + "|" + "xxaxx".trimEnd('x') + "|" + "xyaxy".trim('x', 'y') + "|" + "  a \u00A0".trim() + "]")
    println("a\r\nb\rc\n".lines())
    println("${'\u001C'.isWhitespace()} ${'\u0085'.isWhitespace()} ${'\u00A0'.isWhitespace()} ${' '.isWhitespace()}")
    println("${'a'.equals('A', ignoreCase = true)} ${'a'.equals('B', true)}")
    listOf(1, 2, 3).forEach lit@ {
        if (it == 2) return@lit
        println(it)
    }
}
