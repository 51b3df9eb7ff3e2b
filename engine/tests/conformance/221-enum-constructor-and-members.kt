// Rule: an enum class's entries pass arguments to its constructor (defaults and named arguments too); the members after ';' read the entry's properties, its name and ordinal; entries are created once, in declaration order, when the enum class is first used, running their init blocks then.
enum class E221Priority(val weight: Int, val label: String = "plain") {
    LOW(1),
    MEDIUM(5, "normal"),
    HIGH(weight = 10, label = "urgent");

    val doubled = weight * 2
    var uses = 0

    init {
        println("init $name ordinal=$ordinal weight=$weight")
    }

    fun boosted() = weight * 2 + ordinal
    fun describe(): String {
        uses++
        return "$name($weight, $label) used $uses"
    }
}

fun main() {
    println("before first use")
    val p = E221Priority.MEDIUM
    println("after first use")
    println(p.weight)
    println(p.label)
    println(p.doubled)
    println(p.boosted())
    println(E221Priority.HIGH.boosted())
    println(E221Priority.LOW.describe())
    println(E221Priority.LOW.describe())
    E221Priority.HIGH.uses = 40
    println(E221Priority.HIGH.describe())
    println(E221Priority.LOW.label)
    println("total ${E221Priority.LOW.weight + E221Priority.MEDIUM.weight + E221Priority.HIGH.weight}")
}
