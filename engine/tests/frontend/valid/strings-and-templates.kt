/**
 * String literals: escapes, templates with names and with expressions, quotes nested inside
 * templates, raw strings and characters.
 */
fun main() {
    val name = "Ada"
    val n = 3
    println("plain text with \"quotes\", a tab\tand a dollar \$ sign")
    println("hello, $name! you have $n messages, ${n}x")
    println("next year: ${n + 1}, length: ${name.length}")
    println("nested: ${if (n > 2) "many \"items\"" else "few"}")
    println("template in template: ${"inner ${name.length}"}")
    println("lambda in template: ${listOf(1, 2).map { "<$it>" }}")
    println("a lone $ and a price of 5$")
    val raw = """
        |raw text with "quotes" and $name
        |second line ${n * 2}
    """.trimMargin()
    println(raw)
    println('x')
    println('\n')
    println('\u00e9')
    println("unicode: \u00e9, emoji: 🚀")
    println("empty: " + "")
}
