fun main() {
    val a = 1 val b = 2
    println(a)
}
