// Rule: Inside a class's body its nested classes are named without qualification, and so are they in one another (siblings, and the classes nested around them, several levels deep); a nested class reads its outer class's companion members, and an outer object's members, without naming them.
class N264Shop {
    companion object {
        const val TAX = 10
        var created = 0
        fun label(s: String) = "[$s]"
    }

    class Item(val name: String, val price: Int) {
        init {
            created++
        }

        fun withTax() = Price(price + price * TAX / 100)
    }

    data class Price(val cents: Int)

    class Cart {
        private val items = mutableListOf<Item>()

        fun add(name: String, price: Int): Cart {
            items.add(Item(name, price))
            return this
        }

        fun total() = Price(items.map { it.withTax().cents }.sum())
        fun describe() = items.joinToString(" ") { label(it.name) }

        class Receipt(val lines: List<String>) {
            class Line(val text: String) {
                override fun toString() = "${label(text)} of ${Price(text.length)}"
            }

            fun first() = Line(lines.first())
        }

        fun receipt() = Receipt(items.map { it.name })
    }

    fun checkout(cart: Cart): Price = cart.total()
}

object N264Registry {
    private val names = mutableListOf<String>()
    val prefix = "reg"

    fun register(n: String) {
        names.add(n)
    }

    fun all() = names.toList()

    class Entry(val name: String) {
        init {
            register("$prefix:$name")
        }
    }
}

fun main() {
    val cart = N264Shop.Cart().add("tea", 200).add("cake", 350)
    println("1 " + cart.total())
    println("2 " + cart.describe())
    println("3 " + N264Shop.created)
    println("4 ${cart.receipt().first()}")
    println("5 ${N264Shop.Cart.Receipt.Line("x")}")
    println("6 " + N264Shop().checkout(cart))
    println("7 " + N264Shop.Item("pen", 100).withTax())
    println("8 " + N264Shop.created)
    N264Registry.Entry("a")
    N264Registry.Entry("b")
    println("9 " + N264Registry.all())
    val line: N264Shop.Cart.Receipt.Line = N264Shop.Cart.Receipt(listOf("q")).first()
    println("10 " + (line is N264Shop.Cart.Receipt.Line) + " " + line.text)
}
