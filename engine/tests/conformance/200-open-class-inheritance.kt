// Rule: a subclass of an open class inherits its properties and methods, an open method is dispatched on the runtime class (also from the superclass's own code), and super.method() calls the superclass's version.
open class H200Animal(val name: String, val legs: Int) {
    var steps = 0
    open fun sound() = "..."
    open fun describe() = "$name has $legs legs and says ${sound()}"
    fun walk(n: Int) {
        steps += n * legs
    }
}

class H200Dog(name: String) : H200Animal(name, 4) {
    override fun sound() = "woof"
    fun fetch() = "$name fetches"
}

open class H200Bird(name: String) : H200Animal(name, 2) {
    override fun sound() = "tweet"
    override fun describe() = super.describe() + " and flies"
}

class H200Parrot : H200Bird("Polly") {
    override fun sound() = "hello, " + super.sound()
}

fun h200Report(a: H200Animal) = "report: " + a.describe()

fun main() {
    val dog = H200Dog("Rex")
    println(dog.name)
    println(dog.legs)
    println(dog.sound())
    println(dog.describe())
    println(dog.fetch())
    dog.walk(3)
    dog.walk(2)
    println("steps ${dog.steps}")
    val animals: List<H200Animal> = listOf(dog, H200Bird("Tweety"), H200Parrot(), H200Animal("Blob", 0))
    for (a in animals) {
        println(h200Report(a))
    }
    val p = H200Parrot()
    p.walk(5)
    println("${p.name} ${p.steps}")
    println(animals.map { it.sound() })
}
