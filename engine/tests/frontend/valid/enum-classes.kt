import Level.*

enum class State { IDLE, RUNNING, DONE }

enum class Level(val weight: Int, val label: String = "plain") {
    LOW(1),
    HIGH(weight = 10, label = "urgent"),
    ;

    init {
        println(name)
    }

    fun boosted() = weight * 2 + ordinal

    companion object {
        fun of(w: Int) = values().first { it.weight == w }
    }
}

enum class Empty { ; fun nothing() = 0 }

fun main() {
    val s = State.RUNNING
    when (s) {
        State.IDLE -> println("idle")
        State.RUNNING, State.DONE -> println("busy")
    }
    println(HIGH.boosted() + Level.of(1).ordinal)
    println(Level.valueOf("LOW") < HIGH)
    println(enumValues<State>().toList())
}
