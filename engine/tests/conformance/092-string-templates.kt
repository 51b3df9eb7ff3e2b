// Rule: String templates insert $name and ${expression} with their toString(); null prints as null, \$ is a dollar sign.
fun main() {
    val name = "Ada"
    val n = 3
    val price = 2.5
    val nothing: String? = null
    println("Hello, $name!")
    println("$name has ${name.length} letters")
    println("$n + $n = ${n + n}, $n * $price = ${n * price}")
    println("cost: \$${n * 2}")
    println("nested: ${if (n > 2) "big" else "small"} and ${listOf(1, 2)}")
    println("null prints as $nothing, first letter ${name[0]}")
    println("bool ${n == 3}, long ${Long.MAX_VALUE}, negative ${-n}")
    println("$name$n${name}x")
    val greeting = "Hi " + name + ", you are " + n + " today"
    println(greeting)
}
