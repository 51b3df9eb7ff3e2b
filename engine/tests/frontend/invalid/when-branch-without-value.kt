fun main() {
    val n = 3
    val name = when (n) {
        1 -> "one"
        3 ->
    }
    println(name)
}
