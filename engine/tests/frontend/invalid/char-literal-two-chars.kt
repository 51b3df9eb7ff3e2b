fun main() {
    val separator = 'ab'
    println(separator)
}
