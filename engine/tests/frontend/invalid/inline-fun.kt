inline fun measure(block: () -> Unit) {
    block()
}

fun main() {
    measure { println("hi") }
}
