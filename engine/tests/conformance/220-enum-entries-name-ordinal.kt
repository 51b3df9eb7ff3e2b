// Rule: an enum class's entries are singletons with a name (their toString() and their text in templates) and an ordinal counted from 0 in declaration order; == and === between entries are identity.
enum class E220State { IDLE, RUNNING, DONE }

fun e220Describe(s: E220State) = "${s.name}#${s.ordinal}"

fun main() {
    val s = E220State.RUNNING
    println(s)
    println("state: $s")
    println(s.toString())
    println(s.name + " " + s.ordinal)
    println(e220Describe(E220State.IDLE))
    println(e220Describe(E220State.DONE))
    val again = E220State.RUNNING
    println(s == again)
    println(s === again)
    println(s == E220State.DONE)
    println(s != E220State.IDLE)
    var current: E220State? = null
    println(current)
    current = E220State.IDLE
    println(current?.name)
    println(current?.ordinal ?: -1)
    println(s.name.length)
}
