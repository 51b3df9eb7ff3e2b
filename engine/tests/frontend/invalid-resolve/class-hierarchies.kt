// Mistakes in class hierarchies that kotlinc reports before running.
class Plain(val name: String)
class FromPlain : Plain("x")

open class Base {
    fun greet() = "hi"
    open fun other() = 1
    val size = 2
}

class Hides : Base() {
    fun greet() = "hello"
    override fun other() = 2
}

class OverridesFinal : Base() {
    override fun greet() = "hey"
    override val size = 3
}

class OverridesNothing : Base() {
    override fun missing() = 3
}

interface Repo {
    suspend fun load(id: Int): String
    val name: String
}

class EmptyRepo : Repo

object HalfRepo : Repo {
    override val name = "half"
}

abstract class Shape {
    abstract fun area(): Double
}

sealed class Outcome

class NoParens : Base
class InterfaceWithParens : Repo()
class TwoClasses : Base(), Shape()

class NotAbstract {
    abstract fun f(): Int
}

abstract class WithBody {
    abstract fun g(): Int {
        return 1
    }
}

class Square : Shape() {
    override fun area() = super.area()
}

interface Left {
    fun hello() = "left"
}

interface Right {
    fun hello() = "right"
}

class Both : Left, Right

// What Coroutine Lab leaves out: an object keeps one property of a name.
open class Keeper {
    private val log = mutableListOf<String>()
    open val limit = 10
}

class SubKeeper : Keeper() {
    val log = "mine"
    override val limit = 20
    fun both() = super.limit + limit
}

class NotDirect : Base() {
    fun name() = super<Left>.hello()
}

fun main() {
    val s = Shape()
    val o = Outcome()
    val r = Repo()
    println(super.toString())
}
