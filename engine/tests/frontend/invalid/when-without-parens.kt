fun main() {
    val n = 3
    when n {
        3 -> println("three")
        else -> println("other")
    }
}
