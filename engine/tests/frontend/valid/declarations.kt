// Packages, imports, constants, objects, classes, extension functions, local functions and
// qualified exception types.
package demo

import kotlinx.coroutines.*
import java.io.IOException
import java.util.concurrent.atomic.AtomicInteger

const val LIMIT = 3
private var created = 0

@Volatile
var flag = false

object Registry {
    val names = mutableListOf<String>()
    private var count = 0

    fun register(name: String): Int {
        names += name
        count++
        return count
    }
}

class Account(val id: Int, var balance: Long = 0L) {
    init {
        created++
    }

    fun deposit(amount: Long) {
        balance += amount
    }

    override fun toString(): String = "Account($id, $balance)"
}

data class Point(val x: Int, val y: Int)

class RetryException(message: String) : Exception(message)

fun Int.isEven(): Boolean = this % 2 == 0

fun String?.orDash(): String = this ?: "-"

suspend fun CoroutineScope.startWorkers(count: Int = LIMIT): List<Job> =
    List(count) { i -> launch { delay(10L * i) } }

fun <T> firstOrDefault(items: List<T>, default: T): T = if (items.isEmpty()) default else items[0]

suspend fun readConfig(fail: Boolean): String {
    if (fail) throw IOException("disk")
    return "config"
}

fun main() = runBlocking<Unit> {
    val counter = AtomicInteger()
    fun local(x: Int) = x + counter.incrementAndGet()
    println(local(1))
    println(Registry.register("a"))
    val account = Account(1)
    account.deposit(50)
    println(account)
    println(Point(1, 2))
    println(4.isEven())
    println(null.orDash())
    startWorkers().joinAll()
    println(firstOrDefault(listOf<Int>(), default = 9))
    try {
        readConfig(fail = true)
    } catch (e: java.io.IOException) {
        println("io: ${e.message}")
    } catch (e: RetryException) {
        println("retry")
    }
    println("$created $flag")
}
