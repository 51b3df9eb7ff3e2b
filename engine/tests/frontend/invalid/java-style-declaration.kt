fun main() {
    int retries = 3
    println(retries)
}
