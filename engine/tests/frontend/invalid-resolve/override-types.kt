// An override whose type is not a subtype of the overridden member's (a var's: not the same type), in kotlinc's words; subtypes, Nothing, a type parameter's stand-in and Unit are accepted.
open class Shape { open fun area(): Int = 0; open val label: String = "shape"; open var sides: Int = 0 }
class Square : Shape() {
    override fun area(): String = "four"
    override val label: Int = 4
    override var sides: Long = 4L
}
class Circle : Shape() {
    override fun area() = "round"
    override val label = 1.5
}
interface Source<T> { fun next(): T; val last: T? }
open class Problem : Exception()
class Detail : Problem()
open class Loader {
    open fun fail(): Exception = Exception()
    open fun problem(): Problem? = null
    open fun size(): Number = 0
    open fun any(): Any? = null
    open fun maybe(): String? = null
    open fun none(): Unit {}
}
class Numbers : Loader(), Source<Int> {
    override fun next(): Int = 1
    override val last: Int? = null
    override fun fail(): IllegalStateException = IllegalStateException()
    override fun problem(): Detail = Detail()
    override fun size(): Long = 1L
    override fun any(): String = ""
    override fun maybe(): Nothing = throw Exception()
    override fun none() {}
}
class Wrong : Loader() {
    override fun fail(): String = ""
    override fun problem(): Exception? = null
    override fun maybe(): Int? = null
}
fun main() {}
