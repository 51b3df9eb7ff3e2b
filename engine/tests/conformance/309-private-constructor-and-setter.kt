// Rule: a class with a private constructor is made by its companion's factory, and "var x = 0; private set" on one line keeps the setter private while the class changes the value.
class C309Token private constructor(val value: String) {
    companion object {
        fun of(raw: String) = C309Token(raw.trim())
    }
}
class C309Counter {
    var count = 0; private set
    fun inc() { count++ }
}
fun main() {
    println(C309Token.of("  abc ").value)
    val c = C309Counter()
    c.inc(); c.inc()
    println(c.count)
}
