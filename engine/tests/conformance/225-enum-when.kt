// Rule: when over an enum value: qualified entries as branch conditions (several per branch), as a statement with or without else and as an expression that covers every entry without else; `is` tests the enum class.
enum class E225Light { RED, YELLOW, GREEN }

fun e225Next(l: E225Light): E225Light = when (l) {
    E225Light.RED -> E225Light.GREEN
    E225Light.GREEN -> E225Light.YELLOW
    E225Light.YELLOW -> E225Light.RED
}

fun e225CanGo(l: E225Light) = when (l) {
    E225Light.GREEN -> true
    E225Light.RED, E225Light.YELLOW -> false
}

fun main() {
    var l = E225Light.RED
    repeat(4) {
        print("$l -> ")
        l = e225Next(l)
    }
    println(l)
    for (x in E225Light.values()) {
        when (x) {
            E225Light.RED -> println("stop")
            else -> println("not red: $x")
        }
    }
    for (x in E225Light.values()) {
        when (x) {
            E225Light.YELLOW -> println("careful")
            E225Light.RED, E225Light.GREEN -> {}
        }
    }
    println(E225Light.values().map { e225CanGo(it) })
    val any: Any = E225Light.GREEN
    println(any is E225Light)
    val other: Any = "text"
    println(other is E225Light)
    when (any) {
        is String -> println("string")
        is E225Light -> println("light ${any.ordinal}")
    }
    val label = when {
        l == E225Light.YELLOW -> "yellow"
        l in setOf(E225Light.RED, E225Light.GREEN) -> "red or green"
        else -> "?"
    }
    println(label)
}
