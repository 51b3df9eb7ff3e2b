// Rule: the superclass constructor call in a class header takes named arguments, leaves others to their defaults and computes values from the subclass's parameters; an exception hierarchy passes a message and a cause up to Exception.
open class H218Box(val width: Int = 1, val height: Int = 1, val label: String = "box") {
    fun area() = width * height
    override fun toString() = "$label ${width}x$height"
}

class H218Square(side: Int) : H218Box(side, side, label = "square")

class H218Tall : H218Box(height = 5)

class H218Labelled(name: String, times: Int) : H218Box(label = name.repeat(times))

open class H218AppException(msg: String, cause: Throwable? = null) : Exception(msg, cause)

class H218DbException(query: String, cause: Throwable) : H218AppException("query failed: $query", cause)

class H218Plain : H218AppException("plain")

fun main() {
    println(H218Square(3))
    println(H218Square(3).area())
    println(H218Tall())
    println(H218Labelled("ab", 3))
    val e = H218DbException("select 1", IllegalStateException("disk full"))
    println(e)
    println(e.message)
    println(e.cause)
    println(H218Plain().cause)
    try {
        throw e
    } catch (x: H218AppException) {
        println("caught: ${x.cause?.message}")
    }
}
