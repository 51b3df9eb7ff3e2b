fun main() {
    outer@ for (i in 1..3) {
        for (j in 1..3) {
            if (i * j == 4) break@inner
            println(i * j)
        }
    }
    val n = this@main
}
