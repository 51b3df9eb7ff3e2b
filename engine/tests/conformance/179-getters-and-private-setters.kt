// Rule: a property with a custom getter is computed on every read (inside the class without this., from outside, in templates and lambdas), a `private set` property is assigned only by its class, and an object or data class may have getters too (a data class's toString and equals ignore them).
import kotlinx.coroutines.*

class C179Counter {
    var count = 0
        private set
    val doubled: Int
        get() = count * 2
    val label get() = "counter at $count"
    val isBig: Boolean
        get() {
            println("checking $count")
            return count > 1
        }

    fun inc() {
        count++
    }

    fun describe() = "$label / $doubled / ${this.doubled} / $isBig"
}

data class C179Box(val w: Int, val h: Int) {
    val area get() = w * h
}

object C179Clock {
    private var ticks = 0
    val now: Int
        get() = ++ticks
}

class C179Pool(private val size: Int) {
    private val busy = mutableListOf<Int>()
    val free: Int get() = size - busy.size
    val state get() = if (free == 0) "full" else "$free free"

    suspend fun borrow(id: Int) {
        busy.add(id)
        delay(10)
    }

    fun release(id: Int) {
        busy.remove(id)
    }
}

fun main() = runBlocking {
    val c = C179Counter()
    c.inc()
    c.inc()
    println("${c.count} ${c.doubled} ${c.label}")
    println(c.describe())
    println(c.isBig)
    val b = C179Box(2, 3)
    println("$b ${b.area} ${b == C179Box(2, 3)} ${b.copy(h = 5).area}")
    println("${C179Clock.now} ${C179Clock.now} ${C179Clock.now}")
    val pool = C179Pool(2)
    println(pool.state)
    val jobs = List(2) { i -> launch { pool.borrow(i) } }
    yield()
    println(pool.state)
    jobs.joinAll()
    pool.release(0)
    println(pool.state)
    val counters = listOf(C179Counter(), c)
    println(counters.map { it.doubled })
    println(counters.sumBy { it.doubled })
    println(counters.filter { it.doubled > 0 }.size)
}
