// Rule: this@label is the receiver the label names: the lambda of the function it is passed to (runBlocking, coroutineScope, with, run, apply), an extension function by its name, or the class whose method it is in.
import kotlinx.coroutines.*

class C327Service(val name: String) {
    val log = mutableListOf<String>()
    fun record(items: List<String>) {
        items.forEach { item -> this@C327Service.log.add("$name:$item") }
        val sb = StringBuilder().apply { append(this@C327Service.name); append("!") }
        println(sb)
    }
}

fun String.shout(): String = listOf(1, 2).joinToString("") { this@shout.toUpperCase() }

fun main() = runBlocking<Unit> {
    val s = C327Service("svc")
    s.record(listOf("a", "b"))
    println(s.log)
    println("hi".shout())
    coroutineScope {
        launch {
            println("child of scope: ${this@coroutineScope.coroutineContext[Job]!!.children.count()}")
            println("runBlocking active: ${this@runBlocking.isActive}")
        }
    }
    val outer = "outer"
    with("inner") {
        println("$length ${this@with.length} ${outer.length}")
        "x".run { println("$this ${this@with} ${this@run}") }
    }
}
