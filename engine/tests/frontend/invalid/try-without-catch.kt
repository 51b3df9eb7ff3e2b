fun main() {
    try {
        println("work")
    }
    println("after")
}
