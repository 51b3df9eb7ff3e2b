// Rule: hashMapOf and HashMap() iterate in a Java HashMap's order (by bucket: the key's hashCode spread as h ^ (h >>> 16) and masked by a table of 16 buckets, or sized for hashMapOf's pairs, doubling beyond three quarters full; insertion order within a bucket), also after resizes, removal and getOrPut, while mutableMapOf keeps insertion order.

fun main() {
    println(hashMapOf("zeta" to 1, "alpha" to 2, "mid" to 3))
    println(hashMapOf<String, Int>())
    val h = HashMap<String, Int>()
    for (w in listOf("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five")) {
        h[w] = w.length
        if (w.length == 5) println(h)
    }
    println(h)
    println(h.keys)
    println(h.values)
    h.remove("three")
    h["three"] = 0
    println(h)
    val counts = hashMapOf<Char, Int>()
    for (c in "the quick brown fox jumps over the lazy dog") counts[c] = (counts[c] ?: 0) + 1
    println(counts)
    val nums = HashMap<Int, String>()
    for (i in listOf(100, 3, 17, 64, -5, 33, 16, 1000000)) nums[i] = "v$i"
    println(nums)
    val longs = hashMapOf(5000000000L to "a", -1L to "b", 7L to "c")
    println(longs)
    println(hashMapOf("b" to 1, "a" to 2).entries.first())
    println(hashMapOf(1.5 to "x", 2.0 to "y", -0.0 to "z", true to "t"))
    val g = hashMapOf("Aa" to 1, "BB" to 2, "C" to 3)
    println(g)
    println(mutableMapOf("zeta" to 1, "alpha" to 2, "mid" to 3))
    val m = HashMap<String, Int>()
    m.getOrPut("kiwi") { 1 }
    m.getOrPut("apple") { 2 }
    m.getOrPut("banana") { 3 }
    m.put("cherry", 4)
    println(m)
    println(m.filter { it.value > 1 })
}
