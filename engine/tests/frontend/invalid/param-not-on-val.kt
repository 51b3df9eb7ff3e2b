fun main() {
    println("hello") // @param "Greeting"
}
