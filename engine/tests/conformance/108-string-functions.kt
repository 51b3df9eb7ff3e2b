// Rule: Common String functions (length, substring, startsWith, endsWith, contains, indexOf, replace, trim, split, repeat, reversed, padStart, isEmpty, comparison) give the JVM's results.
fun main() {
    val s = "Coroutine Lab"
    println(s.length)
    println(s.substring(0, 9))
    println(s.substring(10))
    println("${s.startsWith("Co")} ${s.endsWith("Lab")} ${s.contains("tin")} ${s.contains("xyz")}")
    println("${s.indexOf("Lab")} ${s.indexOf("zzz")}")
    println(s.replace("Lab", "Course"))
    println("[" + "  padded  ".trim() + "]")
    println(s.split(" "))
    println("a,b,,c".split(","))
    println("ab".repeat(3))
    println(s.reversed())
    println("7".padStart(3, '0'))
    println("${s == "Coroutine Lab"} ${"abc" < "abd"} ${"b" > "a"}")
    println("${"".isEmpty()} ${s.isEmpty()} ${s.isNotEmpty()}")
    println("${s.first()} ${s.last()} ${s[3]}")
    println(s.length + "!".length)
}
