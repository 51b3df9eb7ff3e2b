// if, when and try as expressions; loops over ranges; break and continue.
fun classify(x: Any?): String = when (x) {
    null -> "null"
    is Int -> if (x < 0) "negative" else "int"
    is String, is Char -> "text"
    else -> "other"
}

fun grade(score: Int): String {
    return when {
        score >= 90 -> "A"
        score in 80..89 -> "B"
        score !in 0..100 -> "invalid"
        else -> "C"
    }
}

fun parse(text: String): Int {
    val value = try {
        text.toInt()
    } catch (e: NumberFormatException) {
        -1
    } finally {
        println("parsed '$text'")
    }
    return value
}

fun main() {
    println(classify(5))
    println(classify("s"))
    println(grade(85))
    println(parse("12") + parse("x"))
    val max = if (3 > 2) 3 else 2
    println(max)
    if (max == 3) println("three") else if (max == 2) println("two") else println("other")
    if (max > 0) {
        println("positive")
    }
    else {
        println("not positive")
    }
    for (i in 0 until 3) println(i)
    for (i in 10 downTo 0 step 5) print("$i ")
    println()
    for (i in 1..10) {
        if (i % 2 == 0) continue
        if (i > 7) break
        print(i)
    }
    println()
    for (c in 'a'..'c') print(c)
    println()
    for ((index, value) in listOf("x", "y").withIndex()) println("$index: $value")
    var n = 0
    while (n < 3) n++
    do {
        n--
    } while (n > 0)
    when (val size = listOf(1, 2).size) {
        0 -> println("empty")
        1, 2 -> println("small: $size")
        else -> {
            println("large")
        }
    }
    val message = when (n) { 0 -> "zero"; else -> "nonzero" }
    println(message)
    val fallback = try { parse("7") } catch (e: Exception) { 0 }
    println(fallback)
    if (n < 0) throw IllegalStateException("negative")
}
