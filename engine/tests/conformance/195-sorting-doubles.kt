// Rule: sorting Doubles (sorted, sortedDescending, sortedBy, sortedWith, sort) and an explicit compareTo use Java's total order, -0.0 before 0.0 and NaN after everything, while < and <= compare them as IEEE numbers (every comparison with NaN is false, -0.0 equals 0.0).
fun main() {
    val xs = listOf(2.0, -0.0, 0.0, Double.NaN, 1.0)
    println(xs.sorted())
    println(xs.sortedDescending())
    println(listOf(0.0, -0.0).sorted())
    println(xs.sortedBy { it })
    println(xs.sortedWith(compareBy { it }))
    println(1.0.compareTo(Double.NaN))
    println((-0.0).compareTo(0.0))
    val nan = Double.NaN
    val negZero = -0.0
    val zero = 0.0
    println("${nan < 1.0} ${nan <= 1.0} ${nan > 1.0} ${nan >= nan} ${negZero < zero} ${negZero <= zero}")
    val m = mutableListOf(3.5, Double.NaN, -1.0)
    m.sort()
    println(m)
}
