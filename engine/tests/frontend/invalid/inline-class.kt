inline class Meters(val value: Int)

fun main() {
    println(Meters(3).value)
}
