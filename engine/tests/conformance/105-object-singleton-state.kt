// Rule: An object is a single instance created once: its properties keep their state across calls, also when coroutines use it.
import kotlinx.coroutines.*

object C105Counter {
    var count = 0
    val name = "requests"

    fun next(): Int {
        count++
        return count
    }
}

object C105Registry {
    val items = mutableListOf<String>()

    fun register(item: String) {
        items += item
    }
}

fun main() = runBlocking {
    println("${C105Counter.name}: ${C105Counter.count}")
    println(C105Counter.next())
    println(C105Counter.next())
    repeat(3) { i ->
        launch {
            delay(100)
            C105Counter.next()
            C105Registry.register("job $i")
        }
    }
    delay(200)
    println("${C105Counter.name}: ${C105Counter.count}")
    println(C105Registry.items)
}
