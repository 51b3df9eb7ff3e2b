fun main() {
    val n = 3
    println("n = ${n + 1")
    println("done")
}
