// A built-in function read as a property, or called without the arguments it needs: kotlinc
// refuses both, and running them would call the function with its arguments missing.
import kotlinx.coroutines.*

val user = ThreadLocal<String?>()

fun main() = runBlocking {
    user.set
    user.set()
    val cache = mutableMapOf<String, Int>()
    cache.put("a")
    val names = mutableListOf("a")
    names.add()
    println(names.map)
    println("abc".replace("a"))
    println(names.subList(1))
    user.set("alice")
    cache.put("a", 1)
    println(cache.getOrPut("b") { 2 })
}
