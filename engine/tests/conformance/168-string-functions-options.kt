// Rule: the options of String functions give the JVM's results: joinToString's limit and truncated (with and without a transform, which runs only on the shown elements), split by "" and by several String or Char delimiters with ignoreCase and limit, filter/filterNot/partition of a String give Strings, compareTo gives the difference of the first differing chars or of the lengths (also ignoring case), ignoreCase in equals/startsWith/endsWith/contains/replace/indexOf, start indices of indexOf/lastIndexOf/startsWith, substring of an IntRange, trimMargin (blank first and last lines dropped, custom prefix), toInt/toLong/toIntOrNull with a radix and Int/Long.toString(radix), substringBefore/After(Last), trimStart/trimEnd, replaceFirst, and Char's isUpperCase/isLowerCase/isWhitespace/isLetterOrDigit.
fun c168Shown(xs: List<Int>): String {
    var calls = 0
    val text = xs.joinToString("/", limit = 2) { calls++; "#$it" }
    return "$text calls=$calls"
}

fun main() {
    val xs = listOf(1, 2, 3, 4, 5)
    println("1 ${xs.joinToString(limit = 3)} | ${xs.joinToString(", ", limit = 2, truncated = "more")} | ${xs.joinToString(limit = 9)} | ${xs.joinToString(limit = 5)} | ${xs.joinToString(limit = 0)}")
    println("2 ${xs.joinToString(limit = 2) { "<$it>" }} | ${xs.joinToString("-", "[", "]", 4, "~") { (it * 10).toString() }} | ${c168Shown(xs)} | ${xs.joinToString(limit = -1) { "$it" }}")
    println("3 ${"abc".split("")} ${"a1b2c3".split('1', '2')} ${"a-b_c d".split("-", "_", " ")} ${"a,b,c,d".split(",", limit = 2)} ${"aXbxc".split("x", ignoreCase = true)}")
    println("4 ${"a--b-c".split("--", "-")} ${"a-b".split("-", "")} ${"".split("")} ${"a,b,,".split(",")} ${"a b c".split(' ', limit = 1)} ${"AbaB".split('b', ignoreCase = true)}")
    println("5 ${"Hello World".filter { it != 'o' }} ${"Hello World".filterNot { it == 'l' }} ${"abc".map { it.toUpperCase() }} ${"a1b2".partition { it.isDigit() }} ${"Hello".filter { it.isUpperCase() }.length}")
    println("6 ${"a".compareTo("c")} ${"Z".compareTo("a")} ${"ab".compareTo("abcd")} ${"same".compareTo("same")} ${"abc".compareTo("ABD", ignoreCase = true)} ${"b".compareTo("B", true)} ${"a".compareTo("B", true)} ${"x".compareTo("")}")
    println("7 ${"abc".equals("ABC", ignoreCase = true)} ${"abc".equals("ABC")} ${"abc".equals("ABCD", true)} ${"The fox".startsWith("the", ignoreCase = true)} ${"The fox".startsWith("the")} ${"The fox".endsWith("FOX", true)} ${"The fox".endsWith("FOX")}")
    println("8 ${"The fox".contains("FOX", ignoreCase = true)} ${"The fox".contains("FOX")} ${"aAa".replace("a", "b", ignoreCase = true)} ${"aAa".replace("a", "b")} ${"ab".replace("", "-", true)} ${"The Fox".indexOf("fox", ignoreCase = true)} ${"The Fox".indexOf("fox")}")
    val s = "The quick brown fox"
    println("9 ${s.indexOf("o", 13)} ${s.indexOf('q', 5)} ${s.indexOf("", 4)} ${s.indexOf("o", 100)} ${s.lastIndexOf("o")} ${s.lastIndexOf('o', 15)} ${s.lastIndexOf("T", -1)} ${s.lastIndexOf("x", 100)}")
    println("10 ${"abc".startsWith("b", 1)} ${"abc".startsWith("b", 2)} ${"abc".startsWith("B", 1, ignoreCase = true)} ${"abc".startsWith("c", 5)}")
    println("11 ${s.substring(4..8)} ${s.substring(10)} ${s.substring(0..2)} [${s.substring(3 until 3)}]")
    val margin = """
        |one
          |two
        three
        |  four
    """.trimMargin()
    println("12 [$margin]")
    val custom = """
        #a
        #b""".trimMargin("#")
    println("13 [$custom] [${"x\n  |y\n".trimMargin()}] [${"  |only".trimMargin()}]")
    println("14 ${"ff".toInt(16)} ${"-101".toLong(2)} ${"zz".toIntOrNull(16)} ${"7f".toIntOrNull(16)} ${"+11".toInt(2)} ${"Z".toLongOrNull(36)}")
    println("15 ${255.toString(16)} ${(-255).toString(16)} ${10.toString(2)} ${255L.toString(16)} ${0.toString(7)} ${35.toString(36)} ${(-8L).toString(2)}")
    try {
        println("16 " + "fg".toInt(16))
    } catch (e: NumberFormatException) {
        println("16 ${e.message}")
    }
    println("17 ${s.substringBefore(" ")}|${s.substringAfter(" ")}|${s.substringBeforeLast(" ")}|${s.substringAfterLast(" ")}|${s.substringBefore("#")}|${s.substringAfter('#', "none")}|${s.substringAfter('q')}")
    println("18 [${"  ab  ".trimStart()}] [${"  ab  ".trimEnd()}] ${"aaa".replaceFirst("a", "b")} ${"xAx".replaceFirst("a", "-", ignoreCase = true)} ${"abc".replaceFirst("z", "y")}")
    println("19 ${'A'.isUpperCase()} ${'a'.isUpperCase()} ${'a'.isLowerCase()} ${'1'.isLowerCase()} ${' '.isWhitespace()} ${'\t'.isWhitespace()} ${'x'.isWhitespace()} ${'3'.isLetterOrDigit()} ${'b'.isLetterOrDigit()} ${'-'.isLetterOrDigit()}")
}
