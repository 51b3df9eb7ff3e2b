// A companion object belongs inside a class.
companion object Settings {
    val retries = 3
}

fun main() {
    println(Settings.retries)
}
