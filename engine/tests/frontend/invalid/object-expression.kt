fun main() {
    val task = object : Runnable {
        override fun run() {
            println("run")
        }
    }
    println("created")
}
