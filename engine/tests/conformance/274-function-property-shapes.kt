// Rule: Function values kept in properties are ordinary values: a var property's new value is the one called, a property returning a function is called twice (f()(x)), one taking a lambda gets a trailing lambda, a generic class's property returns its type, an object with an invoke operator kept in a property is called by the property's name, and a lambda kept in a property keeps the state it captured.

class C274Step(private val by: Int) {
    operator fun invoke(x: Int) = x + by
}

class C274Box<T>(val make: () -> T) {
    fun twice(): List<T> = listOf(make(), make())
}

class C274Pipeline(var transform: (Int) -> Int, val adder: (Int) -> (Int) -> Int, val runner: (() -> Unit) -> Unit, val step: C274Step) {
    fun run(x: Int) = step(transform(x))
    fun curried(a: Int, b: Int) = adder(a)(b)
}

class C274Counter {
    private var count = 0
    val next: () -> Int = { ++count }
    fun nextTwice() = next() + next()
}

fun main() {
    val p = C274Pipeline({ it * 10 }, { a -> { b -> a * 100 + b } }, { block -> println("before"); block(); println("after") }, C274Step(1))
    println(p.run(4))
    p.transform = { it - 10 }
    println(p.run(4))
    println(p.curried(3, 7))
    println(p.adder(5)(6))
    p.runner { println("inside the runner") }
    p.runner({ println("passed in parentheses") })
    println(p.step(41))

    val box = C274Box { "made" }
    println(box.twice())
    println(box.make().length)
    var n = 0
    val counting = C274Box { ++n }
    println(counting.twice() + counting.make())

    val c = C274Counter()
    println(c.next())
    println(c.nextTwice())
    val keep = c.next
    println(keep() + c.next())
}
