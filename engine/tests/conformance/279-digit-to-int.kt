// Rule: `Char.digitToInt()` gives a decimal digit's value and throws IllegalArgumentException for any other Char; `digitToIntOrNull()` gives null instead.
fun c279Checksum(code: String): Int = code.filter { it.isDigit() }.map { it.digitToInt() }.sum()

fun main() {
    println('7'.digitToInt())
    println('0'.digitToInt() + '9'.digitToInt())
    println(c279Checksum("a1-b2-c39"))
    println('x'.digitToIntOrNull())
    println('5'.digitToIntOrNull())
    try {
        'x'.digitToInt()
    } catch (e: IllegalArgumentException) {
        println(e)
    }
    println("4711".map { it.digitToInt() * 2 })
}
