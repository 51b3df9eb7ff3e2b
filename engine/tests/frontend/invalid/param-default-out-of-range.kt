val workers = 12 // @param 1..8 "Workers"

fun main() {
    println(workers)
}
