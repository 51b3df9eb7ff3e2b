// Rule: an enum class's entries and its companion object are initialized together the first time either is used: the entries first, in order, then the companion; the companion's functions call values() and read the entries.
enum class E227Unit(val factor: Int) {
    MS(1), SECOND(1000), MINUTE(60000);

    init {
        println("entry $name")
    }

    companion object {
        init {
            println("companion")
        }
        val smallest = values().sortedBy { it.factor }.first()
        fun parse(text: String): E227Unit = values().firstOrNull { it.name == text } ?: MS
        fun count() = values().size
    }
}

enum class E227Step {
    ONE, TWO;

    init {
        println("step $name")
    }

    companion object {
        init {
            println("step companion")
        }
        fun last() = TWO
    }
}

fun main() {
    println("start")
    println(E227Unit.parse("SECOND").factor)
    println(E227Unit.parse("HOUR"))
    println(E227Unit.count())
    println(E227Unit.smallest)
    println(E227Unit.MINUTE.factor)
    println("then")
    println(E227Step.ONE)
    println(E227Step.last())
}
