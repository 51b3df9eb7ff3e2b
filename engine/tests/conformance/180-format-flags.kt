// Rule: String.format applies a precision to %s and %b, prints %b as false for null and false and true for anything else, takes an Int code point or a Char for %c, writes %X, %o, %e and %E as Java does (two's complement for negative hex and octal, half-up rounding of the shortest digits, a two-digit exponent), takes the + space ( and # flags, upper-cases %S %B %E, and throws IllegalFormatConversionException for an argument of the wrong type and MissingFormatArgumentException for a missing one.
fun c180(f: () -> Any?): String = try { f().toString() } catch (e: IllegalArgumentException) { e.toString() }

fun main() {
    println("F1 " + "%.2s|%b|%b|%b|%b|%c|%c".format("efgh", null, "x", false, true, 65, 'z'))
    println("F2 " + "%-4.1s|%5.3s|%.2b|%5b|%-6b|".format("xyz", "abcdef", true, false, null))
    println("F3 " + "%X %x %x %X %o %o %x %X".format(255, -1, -1L, 3000000000L, 8, -8, 0, 48879))
    println("F4 " + "%e|%E|%.2e|%.0e|%e|%e|%e|%e".format(12345.678, 12345.678, 0.000123456, 12345.678, 0.0, -0.0, 1e100, 1.5e-300))
    println("F5 " + "%e|%e|%e|%E|%12.3e|%-12.3e|%012.3e|".format(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 3.14159, 3.14159, -3.14159))
    println("F6 " + "%.3e|%.1e|%e|%.2e".format(9.9995, 9.96, 1.0, 0.125))
    println("F7 " + "%+d|%+d|% d|% d|%(d|%(d|%+.2f|% .2f|%(.2f|%(8.2f|%(08d|%+08d|% 08d".format(5, -5, 5, -5, 5, -5, 1.5, 1.5, -1.5, -1.5, -42, 42, 42))
    println("F8 " + "%+e|% e|%(e|%+,d|%(,d|%+,.2f".format(1.5, 1.5, -1.5, 1234567, -1234567, 1234567.5))
    println("F9 " + "%+.1f|%+.1f|%(.1f|% .1f".format(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
    println("F10 " + "%c|%c|%c|%5c|%-3c|".format(128512, 'é', 97, 'x', 'y'))
    println("F11 " + "%x|%o|%X|%#x|%#o".format(-255L, -255L, 127L, 255, 8))
    println("F12 " + "%s|%S|%B|%10.4s|".format(null, "abc", true, "hello"))
    println("F13 " + "%08.2e|%x|%o".format(12.5, 'a'.toInt(), 255))
    println("F14 " + "%d|%x|%e|%f|%c|%o".format(null, null, null, null, null, null))
    println("F15 " + c180 { "%e".format(5) })
    println("F16 " + c180 { "%.2f".format(5) })
    println("F17 " + c180 { "%d".format(2.5) })
    println("F18 " + c180 { "%c".format("ab") })
    println("F19 " + c180 { "%d".format('x') })
    println("F20 " + c180 { "%d and %d".format(1) })
    println("F21 " + c180 { "%q".format(1) })
    println("F22 " + "%5.1f%%|%+d".format(99.44, 7))
}
