// Rule: an extension property is read as a call of its getter on the receiver before the dot, or on the implicit receiver when it is named alone; its receiver type may be generic.
import kotlinx.coroutines.*

val String.initial: Char get() = this[0]
val Int.seconds: Long get() = this * 1000L
val IntArray.total: Int
    get() {
        var sum = 0
        for (x in this) sum += x
        return sum
    }
val List<Int>.c330Total: Int
    get() {
        var sum = 0
        for (x in this) sum += x
        return sum
    }
val Map<String, Int>.c330Largest: String? get() = entries.maxBy { it.value }?.key

data class C330User(val first: String, val last: String)
val C330User.fullName: String get() = "$first $last"
val CoroutineScope.label: String get() = coroutineContext[CoroutineName]?.name ?: "unnamed"

fun main() = runBlocking<Unit> {
    println("kotlin".initial)
    println(2.seconds)
    val u = C330User("Ada", "Lovelace")
    println(u.fullName)
    println(listOf("x", "y").map { it.initial })
    println(intArrayOf(1, 2, 3).total)
    println(listOf(1, 2, 3).c330Total)
    println(mapOf("a" to 1, "b" to 5).c330Largest)
    launch(CoroutineName("worker")) {
        delay(1.seconds / 1000)
        println("running in $label")
    }
    println(label)
}
