val fail = true // @param B fails

fun main() {
    println(fail)
}
