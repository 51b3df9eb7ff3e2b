// Rule: an enum class's body may hold properties with custom getters, functions with parameters and default values, and read the entries' name and ordinal without `this.`; one entry's function can name other entries.
enum class E231Size(val cm: Int) {
    SMALL(10), MEDIUM(20), LARGE(30);

    val isBig get() = cm >= 20
    val code: String get() = name.substring(0, 1) + ordinal

    fun scaled(factor: Int = 2) = cm * factor
    fun biggerThan(other: E231Size) = cm > other.cm
    fun larger(): E231Size = if (this == LARGE) LARGE else values()[ordinal + 1]
}

fun main() {
    for (s in E231Size.values()) {
        println("${s.code} ${s.isBig} ${s.scaled()} ${s.scaled(factor = 3)} ${s.larger()}")
    }
    println(E231Size.LARGE.biggerThan(E231Size.SMALL))
    println(E231Size.SMALL.biggerThan(E231Size.MEDIUM))
    println(E231Size.values().filter { it.isBig }.map { it.code })
}
