// Rule: a HashMap or HashSet whose keys are lists, sets, maps, pairs, triples or data classes iterates in the order of their hashCode()s' buckets, which combine their parts' hashes.
data class C318Region(val code: String, val year: Int)
data class C318Flag(val name: String, val on: Boolean)

fun main() {
    val sales = HashMap<C318Region, Int>()
    sales[C318Region("EU", 2022)] = 1
    sales[C318Region("EU", 2023)] = 2
    sales[C318Region("US", 2022)] = 3
    sales[C318Region("APAC", 2021)] = 4
    println(sales)
    println(hashSetOf(listOf(1, 2), listOf(3), emptyList()))
    println(hashSetOf(1 to 2, 0 to 0, 5 to 1))
    println(hashMapOf(listOf("b") to 1, listOf("a") to 2))
    println(hashSetOf(Triple(1, 2, 3), Triple(0, 0, 0)))
    println(hashSetOf(setOf(3), setOf(1, 2), setOf<Int>()))
    println(hashSetOf(mapOf(1 to 2), mapOf(0 to 0)))
    println(hashSetOf("x" to 1, "a" to 2))
    println(hashSetOf(C318Flag("dark", true), C318Flag("beta", false), C318Flag("dark", false)))
    val byRoute = hashMapOf(("GET" to "/users") to 10, ("POST" to "/users") to 2, ("GET" to "/health") to 99)
    for ((route, hits) in byRoute) println("${route.first} ${route.second}: $hits")
    println(hashMapOf(null to 0, "k" to 1))
}
