// Rule: everyday Kotlin around coroutines: data classes (toString, copy), an exception subclass with a property, runCatching, maps with getOrPut and destructuring, StringBuilder, sortedBy/map/filter, String.format, ranges with step, Double division, Char arithmetic, when with is.
import kotlinx.coroutines.*

data class C144User(val id: Int, val name: String)

class C144ApiException(message: String, val code: Int) : RuntimeException(message)

suspend fun c144Load(id: Int): C144User {
    delay(10L * id)
    if (id == 3) throw C144ApiException("user $id not found", 404)
    return C144User(id, "user$id")
}

fun main() = runBlocking {
    val users = (1..2).map { id -> async { c144Load(id) } }.awaitAll()
    println(users)
    println(users.first().copy(name = "x").toString().length)
    try {
        c144Load(3)
    } catch (e: C144ApiException) {
        println("${e.message} code=${e.code} $e")
    }
    val r = runCatching { c144Load(3) }
    println(r.exceptionOrNull()?.message)
    val m = mutableMapOf("a" to 1)
    m["b"] = 2
    m.getOrPut("c") { 3 }
    println(m)
    println(m.entries.joinToString { "${it.key}=${it.value}" })
    val s = StringBuilder()
    for ((k, v) in m) s.append(k).append(v)
    println(s)
    println(listOf(3, 1, 2).sortedBy { it }.map { it * 2 }.filter { it > 2 })
    println("%.2f".format(3.14159))
    println(listOf(1, 2, 3).sumBy { it * 10 })
    val x: Int? = null
    println(x ?: "none")
    println((1..10).step(3).toList())
    println(10 / 3.0)
    println(Long.MAX_VALUE)
    println('a' + 1)
    when (val u = users[0]) {
        is C144User -> println("user ${u.name}")
    }
}
