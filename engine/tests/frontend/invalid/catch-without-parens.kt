fun main() {
    try {
        println("work")
    } catch {
        println("failed")
    }
}
