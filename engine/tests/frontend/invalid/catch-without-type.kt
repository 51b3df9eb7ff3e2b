fun main() {
    try {
        println("work")
    } catch (e) {
        println("failed")
    }
}
