typealias Handler = (String) -> Unit

fun main() {
    println("main")
}
