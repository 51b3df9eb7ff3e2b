main() {
    println("hello")
}
