// Rule: hashMapOf(pairs) sizes its table for the pairs before putting them, so it iterates in the order of their buckets in that table, in insertion order within a bucket, whatever the insertion order.
fun main() {
    println(hashMapOf("k1" to 1, "k2" to 2, "k3" to 3, "k4" to 4))
    println(hashMapOf("b" to 1, "a" to 2))
    println(hashMapOf("zeta" to 1, "alpha" to 2, "mu" to 3))
    println(hashMapOf(40 to "x", 3 to "y", 17 to "z", 8 to "w", 25 to "v", 1 to "u"))
    println(hashMapOf("user-17" to true, "user-3" to false, "user-250" to true, "admin" to false, "guest" to true, "svc-a" to true, "svc-b" to false, "ops" to true, "qa" to false))
    val m = hashMapOf("k4" to 4, "k3" to 3)
    m["k2"] = 2
    m["k1"] = 1
    println(m)
    println(m.keys.first())
}
