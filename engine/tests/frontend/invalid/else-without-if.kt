fun main() {
    val n = 3
    if (n > 2) println("big")
    println("checked")
    else println("small")
}
