fun main() {
    println("work")
    catch (e: Exception) {
        println("failed")
    }
}
