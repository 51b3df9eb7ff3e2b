fun main() {
    println("one")
}
}

fun helper() {
    println("two")
}
