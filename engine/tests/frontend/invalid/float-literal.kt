// A Float would be computed as a Double and print other digits, so it is refused.
fun main() {
    val ratio = 0.5f
    val whole = 2F
    println(ratio * whole)
}
