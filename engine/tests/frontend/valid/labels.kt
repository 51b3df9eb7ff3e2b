class Grid(val rows: List<List<Int>>) {
    fun first(limit: Int): Int? {
        var found: Int? = null
        search@ for (row in rows) {
            for (x in row) {
                if (x < 0) continue@search
                if (x > limit) {
                    found = x
                    break@search
                }
            }
        }
        return found ?: this@Grid.rows.size
    }
}

fun main() {
    var n = 0
    loop@ while (n < 10) {
        n++
        if (n % 2 == 0) continue@loop
    }
    again@ do { n-- } while (n > 5)
    println(with("text") { this@with.length } + n)
}
