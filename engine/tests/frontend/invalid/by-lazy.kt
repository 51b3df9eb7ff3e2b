val config: String by lazy { "prod" }

fun main() {
    println("main")
}
