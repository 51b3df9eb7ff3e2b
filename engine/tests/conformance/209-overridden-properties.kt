// Rule: a property declared open or abstract is overridden by a constructor property, a body property or a getter; reads (also in the superclass's own code) see the subclass's, and super.property reads the superclass's getter.
open class H209Vehicle {
    open val wheels: Int
        get() = 4
    open val kind = "vehicle"
    fun describe() = "$kind with $wheels wheels"
}

class H209Bike : H209Vehicle() {
    override val wheels: Int
        get() = super.wheels - 2
    override val kind = "bike"
}

class H209Truck(override val wheels: Int) : H209Vehicle() {
    override val kind: String
        get() = "truck"
}

interface H209Sized {
    val size: Int
    val doubled: Int
        get() = size * 2
}

class H209Box(override val size: Int) : H209Sized

class H209Crate : H209Sized {
    override val size = 5
    override val doubled: Int
        get() = 100
}

fun main() {
    println(H209Vehicle().describe())
    println(H209Bike().describe())
    println(H209Truck(18).describe())
    val vs: List<H209Vehicle> = listOf(H209Vehicle(), H209Bike(), H209Truck(6))
    println(vs.map { it.wheels })
    println(vs.map { it.kind })
    println(H209Box(3).doubled)
    println(H209Crate().doubled)
    val s: H209Sized = H209Box(21)
    println(s.size)
}
