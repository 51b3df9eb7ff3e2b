// Rule: when works as an expression with a subject (values, several values, ranges, strings, types, null) and without one (first true branch); else catches the rest.
fun c096Describe(x: Int): String = when {
    x < 0 -> "negative"
    x == 0 -> "zero"
    x < 10 -> "small"
    else -> "large"
}

fun c096Http(code: Int): String = when (code) {
    200, 201 -> "ok"
    404 -> "not found"
    in 500..599 -> "server error"
    else -> "other"
}

fun c096Verb(method: String) = when (method) {
    "GET" -> "read"
    "POST", "PUT" -> "write"
    else -> "unknown"
}

fun c096Kind(x: Any?): String = when (x) {
    null -> "null"
    is Int -> "Int $x"
    is String -> "String of length ${x.length}"
    else -> "something else"
}

fun main() {
    for (x in listOf(-5, 0, 7, 42)) println("$x: ${c096Describe(x)}")
    for (code in listOf(200, 201, 404, 503, 302)) println("$code: ${c096Http(code)}")
    for (m in listOf("GET", "PUT", "PATCH")) println("$m: ${c096Verb(m)}")
    println(c096Kind(null))
    println(c096Kind(3))
    println(c096Kind("abc"))
    println(c096Kind(2.5))
    val n = 3
    when (n) {
        1 -> println("one")
        3 -> println("three, as a statement")
    }
}
