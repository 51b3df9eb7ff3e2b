// Rule: a data class generates toString(), equals() and hashCode() over those a superclass overrides with open functions, but keeps a superclass's final ones; data classes implementing an interface work as set elements and map keys.
open class H214Described(val text: String) {
    override fun toString() = "described: $text"
    override fun equals(other: Any?) = other is H214Described && other.text == text
    override fun hashCode() = text.length
}

data class H214Tag(val name: String, val weight: Int) : H214Described("tag $name")

abstract class H214Frozen {
    final override fun toString() = "frozen"
}

data class H214Ice(val grams: Int) : H214Frozen()

interface H214Keyed {
    val key: String
}

data class H214Entry(override val key: String, val value: Int) : H214Keyed

fun main() {
    val t = H214Tag("a", 1)
    println(t)
    println(H214Described("x"))
    println(t == H214Tag("a", 1))
    println(t == H214Tag("a", 2))
    println(t.hashCode() == H214Tag("a", 1).hashCode())
    println(t.text)
    println(H214Ice(5))
    println(H214Ice(5) == H214Ice(5))
    val set = setOf(H214Entry("k", 1), H214Entry("k", 1), H214Entry("j", 2))
    println(set.size)
    val byKey: Map<H214Keyed, Int> = mapOf(H214Entry("k", 1) to 10)
    println(byKey[H214Entry("k", 1)])
    println(set.map { it.key })
}
