// Rule: values() gives a new array of the entries in declaration order each time (iterated with for, indexed, turned into a list); valueOf(name) finds an entry by its exact name and throws IllegalArgumentException("No enum constant Class.NAME") otherwise; enumValues<T>() and enumValueOf<T>() do the same.
enum class E222Color { RED, GREEN, BLUE }

fun main() {
    val all = E222Color.values()
    println(all.size)
    println(all[0])
    println(all[2].ordinal)
    println(all.toList())
    for (c in E222Color.values()) {
        print("${c.ordinal}:$c ")
    }
    println()
    println(E222Color.values().joinToString("|"))
    println(E222Color.values().map { it.name.length })
    println(E222Color.values().indexOf(E222Color.GREEN))
    println(E222Color.values() === E222Color.values())
    all[0] = E222Color.BLUE
    println(all.toList())
    println(E222Color.values().toList())
    println(E222Color.valueOf("GREEN"))
    println(E222Color.valueOf("BLUE") === E222Color.BLUE)
    for (name in listOf("RED", "red", "PURPLE", "")) {
        try {
            println("found ${E222Color.valueOf(name)}")
        } catch (e: IllegalArgumentException) {
            println("${e.javaClass.simpleName}: ${e.message}")
        }
    }
    println(enumValues<E222Color>().toList())
    println(enumValueOf<E222Color>("BLUE").ordinal)
    try {
        enumValueOf<E222Color>("YELLOW")
    } catch (e: IllegalArgumentException) {
        println(e.message)
    }
}
