// Rule: case mapping covers all of Unicode: "ß" uppercases to "SS", a capital sigma lowercases to final sigma at the end of a word, Char.toUpperCase() maps one character to one.
fun main() {
    println("straße".toUpperCase())
    println("ΟΔΟΣ ΣΟΦΟΣ, Σ.".toLowerCase())
    println("Ünïcödé Жук ǅemal".toUpperCase())
    println("Ünïcödé Жук ǅemal".toLowerCase())
    println('é'.toUpperCase())
    println('Ж'.toLowerCase())
    println('ß'.toUpperCase())
    println('x'.toUpperCase() == 'X')
}
