// Rule: entries work as map keys and set elements (equal only to themselves, with a hashCode that stays the same), in groupBy, associateWith, count and distinct; mutableMapOf and mutableSetOf keep insertion order.
enum class E226Suit { CLUBS, DIAMONDS, HEARTS, SPADES }

data class E226Card(val rank: Int, val suit: E226Suit)

fun main() {
    val counts = mutableMapOf<E226Suit, Int>()
    val hand = listOf(
        E226Card(3, E226Suit.HEARTS), E226Card(10, E226Suit.CLUBS), E226Card(7, E226Suit.HEARTS),
        E226Card(1, E226Suit.SPADES), E226Card(12, E226Suit.CLUBS)
    )
    for (c in hand) {
        counts[c.suit] = (counts[c.suit] ?: 0) + 1
    }
    println(counts)
    println(counts[E226Suit.HEARTS])
    println(counts[E226Suit.DIAMONDS])
    println(counts.containsKey(E226Suit.SPADES))
    println(hand.groupBy { it.suit }.mapValues { e -> e.value.map { it.rank } })
    println(hand.map { it.suit }.distinct())
    println(hand.count { it.suit == E226Suit.CLUBS })
    val seen = mutableSetOf<E226Suit>()
    for (c in hand) {
        if (!seen.add(c.suit)) println("again ${c.suit}")
    }
    println(seen)
    println(E226Suit.DIAMONDS in seen)
    println(E226Suit.values().toList().associateWith { it.name.length })
    println(hand.first())
    println(E226Card(3, E226Suit.HEARTS) == hand[0])
    println(E226Suit.HEARTS.hashCode() == E226Suit.HEARTS.hashCode())
    println(E226Suit.HEARTS.equals(E226Suit.HEARTS))
    println(E226Suit.HEARTS.equals(E226Suit.SPADES))
    println(setOf(E226Suit.SPADES, E226Suit.CLUBS, E226Suit.SPADES))
    println(listOf(E226Suit.CLUBS, E226Suit.HEARTS) == listOf(E226Suit.CLUBS, E226Suit.HEARTS))
}
