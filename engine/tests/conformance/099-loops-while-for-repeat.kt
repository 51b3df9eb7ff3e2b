// Rule: while checks before each round, for walks a list in order, repeat(n) passes the index as it or a named parameter, and loops nest.
fun main() {
    var i = 0
    while (i < 3) {
        println("while $i")
        i++
    }
    var never = 0
    while (never > 0) never--
    println("while with a false condition ran no round")
    for (fruit in listOf("apple", "pear", "fig")) {
        println("fruit $fruit")
    }
    repeat(3) {
        println("repeat $it")
    }
    repeat(2) { k ->
        println("repeat named $k")
    }
    var pairs = 0
    for (a in 1..3) {
        for (b in a..3) {
            pairs++
        }
    }
    println("pairs = $pairs")
    val words = listOf("x", "yy", "zzz")
    var letters = 0
    for (w in words) letters += w.length
    println("letters = $letters")
}
