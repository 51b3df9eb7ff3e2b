// Rule: collections, pairs and data classes compare Doubles with equals(), by their bits: 0.0 and -0.0 differ and NaN equals NaN, although 0.0 == -0.0 is true and NaN == NaN is false between two Doubles.
data class C321Point(val x: Double, val y: Double)

fun main() {
    println(hashMapOf(-0.0 to "negative zero", 0.0 to "zero"))
    println(mapOf(-0.0 to "nz", 0.0 to "z").size)
    println(setOf(0.0, -0.0))
    println(listOf(0.0, -0.0, 0.0).distinct())
    println(listOf(-0.0).contains(0.0))
    println(listOf(Double.NaN).contains(Double.NaN))
    println(listOf(1.0, Double.NaN).indexOf(Double.NaN))
    println(setOf(Double.NaN, Double.NaN).size)
    println(C321Point(0.0, 1.0) == C321Point(-0.0, 1.0))
    println(C321Point(Double.NaN, 1.0) == C321Point(Double.NaN, 1.0))
    println((0.0 to 1) == (-0.0 to 1))
    println(listOf(Double.NaN) == listOf(Double.NaN))
    val zero = 0.0
    val negativeZero = -0.0
    println(zero == negativeZero)
    val nan = Double.NaN
    println(nan == nan)
    println(0.0.equals(-0.0))
}
