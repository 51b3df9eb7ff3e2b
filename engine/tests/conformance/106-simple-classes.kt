// Rule: A class with val/var constructor properties and methods: each instance keeps its own state, methods read and change it, and a method can return a new instance.
class C106Point(val x: Int, val y: Int) {
    fun distanceSquared() = x * x + y * y

    fun movedBy(dx: Int, dy: Int) = C106Point(x + dx, y + dy)
}

class C106Account(val owner: String, var balance: Long) {
    var operations = 0

    fun deposit(amount: Long) {
        balance += amount
        operations++
    }

    fun withdraw(amount: Long): Boolean {
        if (amount > balance) return false
        balance -= amount
        operations++
        return true
    }
}

fun main() {
    val p = C106Point(3, 4)
    println("p = (${p.x}, ${p.y}), distance squared ${p.distanceSquared()}")
    val q = p.movedBy(1, -1)
    println("q = (${q.x}, ${q.y}), p unchanged (${p.x}, ${p.y})")
    val a = C106Account("ann", 100)
    val b = C106Account("bob", 0)
    a.deposit(50)
    println("withdraw 500: ${a.withdraw(500)}")
    println("withdraw 30: ${a.withdraw(30)}")
    b.deposit(7)
    println("${a.owner}: ${a.balance} after ${a.operations} operations")
    println("${b.owner}: ${b.balance} after ${b.operations} operations")
    b.balance = 1_000
    println("${b.owner}: ${b.balance}")
    val points = List(3) { C106Point(it, it * 2) }
    println(points.map { it.distanceSquared() })
}
