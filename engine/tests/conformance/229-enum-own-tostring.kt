// Rule: an enum class may override toString(): printing an entry and putting it in a template use it, while name still gives the declared name and valueOf() still looks entries up by it.
enum class E229Planet(val mass: Double) {
    MERCURY(3.303e+23), EARTH(5.976e+24);

    override fun toString() = "planet " + name.substring(0, 1) + name.substring(1).length
}

fun main() {
    println(E229Planet.EARTH)
    println("I live on ${E229Planet.EARTH}")
    println(E229Planet.EARTH.toString())
    println(E229Planet.MERCURY.name)
    println(E229Planet.valueOf("MERCURY").mass)
    for (p in E229Planet.values()) {
        println("$p has ordinal ${p.ordinal}")
    }
}
