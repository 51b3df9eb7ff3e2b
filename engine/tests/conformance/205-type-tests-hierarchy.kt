// Rule: is, !is, as, as? and when (x) { is … } accept an instance for its own class and every class and interface above it, and refuse it for the others (as throws ClassCastException).
interface H205Pet
interface H205Loud

open class H205Animal
open class H205Dog : H205Animal(), H205Pet
class H205Puppy : H205Dog(), H205Loud
class H205Cat : H205Animal(), H205Pet
class H205Wolf : H205Animal(), H205Loud

fun h205Kind(x: Any): String = when (x) {
    is H205Puppy -> "puppy"
    is H205Dog -> "dog"
    is H205Pet -> "other pet"
    is H205Animal -> "animal"
    else -> "thing"
}

fun main() {
    val things: List<Any> = listOf(H205Puppy(), H205Dog(), H205Cat(), H205Wolf(), H205Animal(), "text")
    println(things.map { h205Kind(it) })
    println(things.map { it is H205Animal })
    println(things.map { it is H205Pet })
    println(things.map { it is H205Loud })
    println(things.map { it !is H205Dog })
    println(things.map { (it as? H205Dog) != null })
    val p: Any = H205Puppy()
    val asDog = p as H205Dog
    val asPet = p as H205Pet
    val asAnimal = p as H205Animal
    println(asDog === asPet && asPet === asAnimal)
    try {
        val c = p as H205Cat
        println("not reached $c")
    } catch (e: ClassCastException) {
        println("ClassCastException")
    }
    println(things.filter { it is H205Pet }.size)
    println(things.count { it is H205Animal && it !is H205Pet })
}
