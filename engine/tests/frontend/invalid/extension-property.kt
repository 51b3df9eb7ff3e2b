val String.shout: String
    get() = toUpperCase() + "!"
fun main() { println("hi".shout) }
