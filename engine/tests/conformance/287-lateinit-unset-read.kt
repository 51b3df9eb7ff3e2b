// Rule: reading a lateinit property before it is set throws kotlin.UninitializedPropertyAccessException ("lateinit property NAME has not been initialized"), from a member, this.x, obj.x, a top-level or a local lateinit var, caught as itself, as RuntimeException or as Exception; ::x.isInitialized and this::x.isInitialized tell whether it was set, and an uncaught one ends main with exit code 1.

import kotlinx.coroutines.*

class C287Screen {
    lateinit var title: String
    var shown = 0

    fun titleLength() = title.length
    fun thisTitle() = this.title
    fun ready() = this::title.isInitialized
    fun readyBare() = ::title.isInitialized
    fun show(): String {
        if (!::title.isInitialized) return "no title yet"
        shown++
        return "showing $title"
    }
}

class C287Config(val name: String)

lateinit var c287config: C287Config

fun c287configured() = try {
    c287config
    true
} catch (e: UninitializedPropertyAccessException) {
    false
}

open class C287Base {
    lateinit var id: String
}

class C287Child : C287Base() {
    fun describe() = "child " + id
}

fun main() {
    val s = C287Screen()
    try {
        s.title.length
    } catch (e: UninitializedPropertyAccessException) {
        println("caught: ${e.message}")
    }
    try {
        println(s.titleLength())
    } catch (e: RuntimeException) {
        println("as RuntimeException: ${e.javaClass.simpleName}")
    }
    try {
        println(s.thisTitle())
    } catch (e: Exception) {
        println("as Exception: ${e.javaClass.name}")
    }
    println("ready ${s.ready()} ${s.readyBare()}")
    println(s.show())
    s.title = "Home"
    println("ready ${s.ready()} ${s.readyBare()}")
    println(s.show())
    println(s.title.length)

    println("configured ${c287configured()} ${::c287config.isInitialized}")
    c287config = C287Config("prod")
    println("configured ${c287configured()} ${::c287config.isInitialized} ${c287config.name}")

    val child = C287Child()
    val r = runCatching { child.describe() }
    println("runCatching: ${r.exceptionOrNull()}")
    child.id = "7"
    println(child.describe())

    lateinit var local: String
    val read = { local.length }
    try {
        println(read())
    } catch (e: UninitializedPropertyAccessException) {
        println("local: ${e.message}")
    }
    local = "abc"
    println("local ${read()} $local")

    runBlocking {
        val job = launch {
            try {
                println(C287Screen().title)
            } catch (e: UninitializedPropertyAccessException) {
                println("in a coroutine: ${e.message}")
            }
        }
        job.join()
    }

    println(C287Screen().title)
    println("not reached")
}
