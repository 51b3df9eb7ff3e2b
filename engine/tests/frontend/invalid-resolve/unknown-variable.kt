fun main() {
    val total = 10
    println(totl)
}
