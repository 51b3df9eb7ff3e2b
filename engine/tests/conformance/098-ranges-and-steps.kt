// Rule: a..b includes b, until excludes it, downTo counts down, step skips; in tests membership; an empty range runs no iteration; a range prints as a..b.
fun main() {
    val up = mutableListOf<Int>()
    for (i in 1..5) up += i
    println("1..5: $up")
    val open = mutableListOf<Int>()
    for (i in 0 until 5) open += i
    println("0 until 5: $open")
    val down = mutableListOf<Int>()
    for (i in 5 downTo 1) down += i
    println("5 downTo 1: $down")
    val stepped = mutableListOf<Int>()
    for (i in 0..10 step 3) stepped += i
    println("0..10 step 3: $stepped")
    val downStep = mutableListOf<Int>()
    for (i in 10 downTo 0 step 4) downStep += i
    println("10 downTo 0 step 4: $downStep")
    var runs = 0
    for (i in 5..1) runs++
    println("5..1 runs $runs times")
    println("3 in 1..5 = ${3 in 1..5}, 7 in 1..5 = ${7 in 1..5}, 5 in 1 until 5 = ${5 in 1 until 5}, 9 !in 1..5 = ${9 !in 1..5}")
    println(1..5)
    println((1..4).sum())
    println((1..10).filter { it % 4 == 0 })
}
