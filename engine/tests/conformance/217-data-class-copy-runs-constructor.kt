// Rule: copy() of a data class calls its constructor: the superclass is initialised again, and the property initialisers and init blocks run for the new object, which keeps only the constructor properties of the original.
abstract class H217Entity {
    var version = 0

    init {
        println("entity init")
    }

    fun touch() {
        version++
    }
}

data class H217User(val name: String, val age: Int) : H217Entity() {
    val created = "created $name"

    init {
        println("user init $name $age")
    }
}

data class H217Point(val x: Int, val y: Int) {
    val norm = x * x + y * y
}

fun main() {
    val u = H217User("ann", 30)
    u.touch()
    u.touch()
    val older = u.copy(age = 31)
    println("${u.version} ${older.version} ${older.created} $older")
    val renamed = older.copy(name = "bob")
    println(renamed.created)
    println(renamed == H217User("bob", 31))
    val p = H217Point(3, 4)
    println(p.copy(y = 0).norm)
}
