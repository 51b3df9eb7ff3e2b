fun main() {
    val = 42
    println("the answer")
}
