// Rule: an interface has abstract and default methods and abstract properties; a class may implement several, an interface may extend another, an object may implement one, and a default method calls the implementation's members.
interface H203Named {
    val name: String
    fun greeting() = "I am $name"
}

interface H203Speaker : H203Named {
    fun speak(): String
    fun introduce() = greeting() + " and I say " + speak()
}

interface H203Counter {
    var count: Int
    fun bump() {
        count = count + 1
    }
}

class H203Robot(override val name: String) : H203Speaker, H203Counter {
    override var count = 0
    override fun speak() = "beep x$count"
}

object H203Echo : H203Speaker {
    override val name = "Echo"
    override fun speak() = "echo"
    override fun greeting() = "Echo here"
}

class H203Loud(override val name: String) : H203Speaker {
    override fun speak() = "HEY"
    override fun introduce() = "!! " + super.introduce()
}

fun h203All(s: H203Speaker) = s.introduce()

fun main() {
    val r = H203Robot("R2")
    r.bump()
    r.bump()
    println(r.introduce())
    println(r.count)
    println(h203All(H203Echo))
    println(h203All(H203Loud("Max")))
    val named: List<H203Named> = listOf(r, H203Echo, H203Loud("Ann"))
    println(named.map { it.name })
    println(named.map { it.greeting() })
}
