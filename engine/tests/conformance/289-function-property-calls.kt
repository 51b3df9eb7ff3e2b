// Rule: A property of function type is called by its name as a function: inside its class without this (constructor val and var properties, body properties, a getter, properties inherited from a superclass or required by an interface), as this.f() and obj.f(), through a nullable receiver as obj?.f?.invoke(), a nullable one through ?.invoke() and ?.let { it() }, top-level, object and companion properties; a member function of the same name comes first (a parenthesized (obj.f) is the property), and a var's new value is the one called.

open class C289Base(val log: (String) -> Unit) {
    val stamp: () -> String = { "base-stamp" }
}

class C289Svc(private val clock: () -> Long, val onEvent: (String) -> Unit, var format: (Long) -> String, log: (String) -> Unit) : C289Base(log) {
    val twice: (Int) -> Int = { it * 2 }
    val shout: (String) -> String get() = { it.toUpperCase() + "!" }

    fun tick() {
        onEvent("t=" + format(clock()))
        log("tick " + stamp() + " " + twice(21))
        this.onEvent("explicit " + this.clock())
        println(shout("hey"))
    }
}

interface C289Sink {
    val emit: (Int) -> Int
    fun pipe(x: Int) = emit(emit(x))
}

class C289Doubler(override val emit: (Int) -> Int) : C289Sink

class C289Greeter(val greet: (String) -> String) {
    fun greet(name: String) = "member greets $name"
    fun viaName() = greet("a")
    fun viaProperty() = greet.invoke("b")
}

class C289Optional(val cb: (() -> Unit)?, val name: String)

object C289Registry {
    val factory: () -> String = { "made by the registry" }
    fun build() = factory() + " (built)"
}

class C289Parser {
    companion object {
        val parse: (String) -> Int = { it.length * 10 }
    }
    fun measure(s: String) = parse(s) + 1
}

val c289Handler: (Int) -> Int = { it * 2 }
var c289Hook: () -> String = { "first hook" }

fun main() {
    val svc = C289Svc({ 42L }, { println("event: $it") }, { "<$it>" }, { println("log: $it") })
    svc.tick()
    svc.onEvent("direct")
    svc.log("inherited, from outside")
    svc.format = { "[$it]" }
    svc.tick()
    println(svc.twice(5) + svc.shout.invoke("x").length)

    println(C289Doubler { it + 1 }.pipe(1))
    val sink: C289Sink = C289Doubler { it * 3 }
    println(sink.emit(2))

    val g = C289Greeter { "property greets $it" }
    println(g.viaName())
    println(g.greet("c"))
    println(g.viaProperty())
    println((g.greet)("d"))

    val set = C289Optional({ println("callback ran") }, "set")
    val unset = C289Optional(null, "unset")
    for (o in listOf(set, unset)) {
        println(o.name + ": " + o.cb?.invoke())
        o.cb?.let { it() }
    }
    val nobody: C289Svc? = null
    println(nobody?.onEvent?.invoke("never"))
    val somebody: C289Svc? = svc
    somebody?.onEvent?.invoke("through ?.")
    somebody?.tick()

    println(c289Handler(3))
    println(c289Hook())
    c289Hook = { "second hook" }
    println(c289Hook())
    println(C289Registry.factory())
    println(C289Registry.build())
    println(C289Parser.parse("abc"))
    println(C289Parser().measure("abcd"))
}
