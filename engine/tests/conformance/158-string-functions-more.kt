// Rule: more String functions give the JVM's results: split and map, count with in, indexOf of a Char and a String, replace, reversed words, raw strings with templates and escapes kept, trimIndent, string comparison (case and digits compare by code), split edge cases (no delimiter, empty string, leading and trailing spaces), get, escapes in literals, and String.format with %d widths and zero padding, %s, %x, %-8s, %8.3f, %b, %c, %%, and %.2f/%.3f of values that are not ties.
fun main() {
    val s = "The quick brown fox"
    println("1 ${s.split(" ").map { it.length }} ${s.count { it in "aeiou" }}")
    println("2 ${s.indexOf('q')} ${s.indexOf("o")} ${s.indexOf("zzz")}")
    println("3 ${s.replace(" ", "")} ${s.replace("The", "A")}")
    println("4 ${s.split(" ").reversed().joinToString(" ")} ${s.split(" ").map { it.first() }.joinToString("")}")
    val raw = """a\nb ${1 + 1} $s"""
    println("5 $raw")
    val ti = """
        x
          y
    """.trimIndent()
    println("6 [$ti]")
    println("7 ${"abc" + 'd'}")
    println("8 ${"x".compareTo("x")} ${"apple" < "banana"} ${"Apple" < "apple"} ${"10" < "9"}")
    println("9 ${"a:b:c".split(":").last()} ${"no-delim".split(":")} ${"".split(",")} ${" a b ".split(" ")}")
    println("10 ${"Hello"[1]} ${"Hello".get(4)}")
    println("11 ${"%-6s|".format("ab")} ${"ab".padEnd(6) + "|"} ${"abcdef".padStart(3)}")
    println("12 ${"ab\tc".length} ${"quote\"d"} ${"back\\slash"} ${'\''} ${"uni\u0041"}")
    println("13 ${"1,2,3".split(",").map { it.toInt() }.sum()} ${"  42 ".trim().toInt() * 2} ${"3.0".toDouble().toInt()}")
    println("14 ${"level".reversed() == "level"} ${"hello".all { it.isLetter() }} ${"aXbXc".split("X").size}")
    println("15 " + "%d items".format(5))
    println("16 " + "%5d|%-5d|%05d".format(42, 42, 42))
    println("17 " + "%.2f %.3f".format(3.14159, 1.0))
    println("18 " + "%s and %s".format("a", 1))
    println("19 " + "%x".format(255))
    println("20 " + "%8.3f|".format(3.14159))
    println("21 " + "%-8s|%8s|".format("ab", "cd"))
    println("22 " + "%b %c %%".format(true, 'z'))
    println("23 " + "%s".format(listOf(1, 2)) + " " + "%s".format(null))
    println("24 " + "%.2f".format(-0.001) + " " + "%.3f".format(2.0 / 3))
    println("25 " + "%d%%".format(50) + " " + "%10.2f|".format(-3.5) + " " + "%03d:%02d".format(7, 5))
    println("26 " + "%.2f".format(1e10) + " " + "%5.1f%%".format(12.345) + " " + "%s|%s".format(1.5, 2L))
}
