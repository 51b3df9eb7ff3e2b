// Rule: if is an expression: each branch's last expression is its value, else-if chains work, and a block branch runs its statements first.
fun c097Sign(a: Int) = if (a > 0) 1 else if (a < 0) -1 else 0

fun main() {
    val a = 5
    val b = 9
    val max = if (a > b) a else b
    println("max = $max")
    val label = if (max > 8) {
        println("block branch runs")
        "big"
    } else {
        "small"
    }
    println("label = $label")
    println(if (a % 2 == 0) "even" else "odd")
    println("signs: ${c097Sign(-4)} ${c097Sign(0)} ${c097Sign(4)}")
    var count = 0
    if (a < b) count += 10
    if (a > b) count += 100 else count += 1
    println("count = $count")
}
