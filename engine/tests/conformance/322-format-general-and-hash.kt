// Rule: String.format's %g rounds to the precision's significant digits and writes the value as %f between 10^-4 and 10^precision, else as %e; %h writes the hash code in hexadecimal.
fun main() {
    println(String.format("%g|%g|%g|%g|%g", 1.5, 0.0, 123456.0, 1234567.0, 0.0001))
    println(String.format("%g|%.3g|%.0g|%10.2g|%-10.4g|", 0.00009876, 3.14159, 2.5, 99.99, -0.5))
    println(String.format("%G|%g|%g", 1.0e-10, Double.NaN, -1234.5678))
    println(String.format("%,g|%+g", 1234567.0, 42.0))
    println(String.format("%h|%h|%h|%H", "hello", 42, null, "Kotlin"))
    println(String.format("%h %h", listOf(1, 2), 3L))
}
