fun main() {
    val count = 0
    count = 1
    println(count)
}
