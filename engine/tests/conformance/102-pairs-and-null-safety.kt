// Rule: a to b builds a Pair printed as (a, b); ?. gives null on null, ?: supplies a default, !! unwraps a non-null value.
fun c102Find(id: Int): String? = if (id == 1) "Ada" else null

fun main() {
    val p = 1 to null
    println(p)
    val q = "x" to 2
    println("${q.first} ${q.second} $q")
    println("a" to listOf(1, 2))
    val missing: String? = null
    val present: String? = "kotlin"
    println(missing?.length)
    println(missing?.length ?: -1)
    println(present?.length)
    println(present!!.length)
    println(missing ?: "default")
    println(c102Find(1)?.length ?: 0)
    println(c102Find(2)?.length ?: 0)
    println(listOf("ab", null, "abcd").map { it?.length ?: 0 })
    val name = c102Find(2) ?: "guest"
    println("hello $name")
    println(null == missing)
}
