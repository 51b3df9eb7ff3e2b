fun main() {
    val x = 1
    if (x = 1) {
        println("one")
    }
}
