/**
 * KDoc on a function.
 * @param name who to greet
 */
fun greet(name: String?): String {
    /* A block comment /* nested inside */ and closed. */
    val who = name
        ?.trim()
        ?: "nobody" // An elvis at the start of a line continues the expression.
    val shout = who
        .plus("!")
        .repeat(2)
    val ok = who.isNotEmpty()
        && shout.length > 1
        || who == "x"
    return if (ok) shout else who
}

fun main() {
    // A line comment.
    println(greet("ada")) // A trailing comment.
    println(greet(null)) /* A trailing block comment. */
    val total = listOf(1, 2, 3)
        .map { it * 2 }
        .filter {
            it > 2
        }
        .sum()
    println(total)
    val text = "a" +
        "b" +
        "c"
    println(text)
    val sum = 1 +
        2
    println(sum);
    println("semicolons"); println("on one line")
    val call = maxOf(
        1,
        2,
    )
    println(call)
}
