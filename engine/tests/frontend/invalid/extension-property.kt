val String.shout: String = "!"
fun main() { println("hi".shout) }
