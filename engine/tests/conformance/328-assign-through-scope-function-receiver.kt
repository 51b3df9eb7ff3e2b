// Rule: inside with(x), x.run { } and x.apply { }, a bare property name assigned, updated or incremented is the receiver's property; a name that no receiver has is the top-level one.
class C328Request {
    var url = ""
    var retries = 0
    var timeoutMs = 1_000L
}

var c328Built = 0

fun main() {
    val r = C328Request()
    with(r) {
        url = "https://api"
        retries += 2
        c328Built++
    }
    r.run { retries = retries * 10 }
    r.apply {
        retries++
        timeoutMs *= 3
        url += "/v1"
    }
    println("${r.url} ${r.retries} ${r.timeoutMs} $c328Built")
    val copy = C328Request().also { it.url = r.url }.apply { retries = r.retries - 1 }
    println("${copy.url} ${copy.retries}")
}
