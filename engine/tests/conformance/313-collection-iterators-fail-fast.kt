// Rule: a for loop over an ArrayList, HashMap, LinkedHashMap or HashSet throws ConcurrentModificationException at the next element once the collection was changed by anything but the iterator; a list whose size then equals the position ends quietly; a ConcurrentHashMap never fails.
import java.util.concurrent.ConcurrentHashMap

fun c313Attempt(name: String, block: () -> Unit) {
    try {
        block()
        println("$name: finished")
    } catch (e: ConcurrentModificationException) {
        println("$name: $e")
    }
}

fun main() {
    val list = mutableListOf(1, 2, 3, 4)
    c313Attempt("remove in a list") { for (x in list) if (x == 2) list.remove(x) }
    println(list)

    val quiet = mutableListOf("a", "b", "c")
    c313Attempt("remove the second-to-last") { for (x in quiet) if (x == "b") quiet.remove(x) }
    println(quiet)

    val growing = mutableListOf(1, 2)
    c313Attempt("add in forEach") { growing.forEach { if (it == 1) growing.add(10) } }
    println(growing)

    val sortedDuring = mutableListOf(3, 1, 2)
    c313Attempt("sort during") { for (x in sortedDuring) if (x == 3) sortedDuring.sort() }
    println(sortedDuring)

    val replaced = mutableListOf(1, 2, 3)
    c313Attempt("set during") { for ((i, x) in replaced.withIndex()) replaced[i] = x * 10 }
    println(replaced)

    val linked = mutableMapOf("a" to 1, "b" to 2, "c" to 3)
    c313Attempt("remove in a map") { for ((k, v) in linked) if (v == 1) linked.remove(k) }
    println(linked)
    c313Attempt("remove the current last") { for ((k, v) in linked) if (v == 3) linked.remove(k) }
    println(linked)
    c313Attempt("replace a value") { for ((k, v) in linked) linked[k] = v + 100 }
    println(linked)

    val hashed = hashMapOf("x" to 1, "y" to 2, "z" to 3)
    c313Attempt("put in a HashMap") { for (k in hashed.keys) if (k == "x") hashed["w"] = 0 }
    println(hashed)
    c313Attempt("remove over values") { for (v in hashed.values) if (v == 0) hashed.remove("y") }
    println(hashed)

    val set = hashSetOf(1, 2, 3)
    c313Attempt("add to a HashSet") { for (x in set) if (x == 1) set.add(7) }
    println(set)

    val concurrent = ConcurrentHashMap<String, Int>()
    concurrent["one"] = 1
    concurrent["two"] = 2
    c313Attempt("remove in a ConcurrentHashMap") { for (k in concurrent.keys) concurrent.remove(k) }
    println(concurrent)
}
