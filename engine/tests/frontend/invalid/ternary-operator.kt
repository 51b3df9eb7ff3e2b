fun main() {
    val n = 3
    val label = n > 2 ? "big" : "small"
    println(label)
}
