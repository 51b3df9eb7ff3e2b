// A literal where a function type is declared.
fun main() {
    val f: () -> Unit = 5
    val g: (Int) -> Int = null
}
