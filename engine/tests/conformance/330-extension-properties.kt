// Rule: an extension property is read as a call of its getter on the receiver before the dot, or on the implicit receiver when it is named alone.
import kotlinx.coroutines.*

val String.initial: Char get() = this[0]
val Int.seconds: Long get() = this * 1000L
val IntArray.total: Int
    get() {
        var sum = 0
        for (x in this) sum += x
        return sum
    }
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
    launch(CoroutineName("worker")) {
        delay(1.seconds / 1000)
        println("running in $label")
    }
    println(label)
}
