// Rule: entries inside data classes: printed by the data class's toString, compared by its equals, kept by copy(), and used as sort keys (sortedBy, sortedWith(compareBy(…).thenBy(…))) in ordinal order; an entry is Comparable, its javaClass is its enum class, and runCatching catches a failed valueOf.
enum class E233Status(val code: Int) {
    OPEN(E233Status.BASE), REVIEW(E233Status.BASE + 1), CLOSED(E233Status.BASE + 2);

    companion object {
        const val BASE = 100
    }
}

data class E233Ticket(val id: Int, val status: E233Status, val title: String)

fun main() {
    val tickets = listOf(
        E233Ticket(3, E233Status.CLOSED, "c"),
        E233Ticket(1, E233Status.REVIEW, "a"),
        E233Ticket(2, E233Status.OPEN, "b"),
        E233Ticket(4, E233Status.REVIEW, "d")
    )
    println(tickets[0])
    println(tickets.sortedBy { it.status }.map { it.id })
    println(tickets.sortedWith(compareBy<E233Ticket>({ it.status }).thenBy { it.title }).map { it.title })
    println(tickets.sortedWith(compareByDescending<E233Ticket> { it.status }.thenBy { it.id }).map { it.id })
    val moved = tickets[1].copy(status = E233Status.CLOSED)
    println(moved)
    println(moved == E233Ticket(1, E233Status.CLOSED, "a"))
    println(moved.status.code)
    println(tickets.map { it.status.code })
    println(tickets.maxBy { it.status }?.id)
    val any: Any = E233Status.OPEN
    println(any is Comparable<*>)
    println(E233Status.REVIEW.javaClass.simpleName)
    println(runCatching { E233Status.valueOf("DONE") }.exceptionOrNull()?.message)
    println(runCatching { E233Status.valueOf("OPEN") }.getOrNull())
}
