fun main() {
    val names = listOf("a", "b")
    names.forEach(::println)
}
