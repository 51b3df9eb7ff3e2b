// Rule: printing a collection, map, pair or data class runs the own toString() of each element that has one, in the order the text shows them, before the line is printed; one that throws ends that printing, and the next printing asks each element again.
class C325User(val name: String, val age: Int) {
    override fun toString() = "User($name)"
}
class C325Order(val id: Int, val items: List<String>) {
    override fun toString(): String {
        println("  (describing order $id)")
        return "Order#$id${items}"
    }
}
data class C325Team(val lead: C325User, val members: List<C325User>)
class C325Node(val label: String, val children: List<C325Node>) {
    override fun toString() = if (children.isEmpty()) label else "$label$children"
}

class C325Item(var name: String) {
    override fun toString(): String {
        if (name == "bad") throw IllegalStateException("cannot describe")
        return "Item($name)"
    }
}

fun main() {
    val users = listOf(C325User("ann", 31), C325User("bob", 42))
    println(users)
    println("team: ${C325Team(users[0], users)}")
    println(mapOf("x" to users[1], "y" to null))
    println(users[0] to 7)
    val orders = listOf(C325Order(1, listOf("tea")), C325Order(2, emptyList()))
    println("orders: $orders")
    println(C325Node("root", listOf(C325Node("a", emptyList()), C325Node("b", listOf(C325Node("c", emptyList()))))))
    val shared = C325User("sam", 20)
    println(listOf(shared, shared))
    println(users.toString().length)
    println(setOf(users))
    val first = C325Item("a")
    val items = listOf(first, C325Item("bad"))
    try {
        println(items)
    } catch (e: IllegalStateException) {
        println("caught: ${e.message}")
    }
    first.name = "renamed"
    items[1].name = "fine"
    println(items)
}
