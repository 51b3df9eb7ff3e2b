fun main() {
    println(Missing::class.simpleName)
}
