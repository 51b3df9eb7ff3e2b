// toFloat() would give a Double that prints other digits than a Float.
fun main() {
    val n = 3
    println(n.toFloat() / 2)
}
