// Rule: a Java collection's constructor takes nothing, an initial capacity (which sizes a hash table and so its order) or a collection or map to copy in its iteration order.
fun main() {
    val src = listOf(3, 1, 2)
    println(HashSet(src)); println(ArrayList(src))
    val copy = ArrayList(src); copy.add(9); println("$src $copy")
    println(HashSet(src).size)
    val cap = ArrayList<Int>(100); cap.add(1); println(cap)
    val hm = HashMap<String, Int>(64); hm["k1"] = 1; hm["k9"] = 9; hm["a"] = 0; println(hm)
    val lm = LinkedHashMap(hashMapOf("z" to 1, "a" to 2)); lm["m"] = 3; println(lm)
    val hm2 = HashMap(mapOf("zeta" to 1, "alpha" to 2, "mu" to 3)); println(hm2)
    println(LinkedHashSet(listOf("b", "a", "b")))
    println(HashSet<String>().apply { add("x"); add("abc") })
}
