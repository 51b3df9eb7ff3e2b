val base = 100
val timeoutMs = base * 2 // @param 100..1000 step 100 "Timeout (ms)"

fun main() {
    println(timeoutMs)
}
