fun main() {
    val error = new IllegalStateException("boom")
    println(error)
}
