// Literals of the wrong type where a type is declared, with kotlinc's messages.
fun a(): Int = "x"
fun b(): Long = 5
fun c(): Double { return 1 }
fun d(): String? = null
fun e(): String = null
fun f(): Int { if (true) return 2L; return 1 }
fun main() {
    val x: Int = 3
    val y: Double = 2.0
    val z: Boolean = "true"
    val w: Long = 1
    val q: Int? = null
    val lam: (() -> Unit)? = null
    println("$x $y $z $w $q")
}
