// Properties that Kotlin does not let this code assign, and getters the subset leaves out.
class Counter(val start: Int) {
    var count = start
        private set
    val doubled: Int
        get() = count * 2
    fun reset() {
        count = 0
    }
}

object Settings {
    val retries = 3
}

val now get() = 42

fun main() {
    val c = Counter(1)
    c.count = 5
    c.start = 2
    Settings.retries = 4
    println(c.doubled + now)
}

fun twice(c: Counter) {
    c.doubled += 1
}
