// Rule: reading a const val of an object or a companion reads the constant the compiler inlined and does not initialize the object; reading any other member does, once.
class C319Client {
    companion object {
        const val VERSION = "v2"
        const val RETRIES = 3
        const val TIMEOUT_MS = 2_500L
        const val FACTOR = -1.5
        val created = "created at init"
        init { println("companion init") }
    }
}

object C319Limits {
    const val MAX_USERS = 10_000
    const val ENABLED = true
    const val SEPARATOR = ';'
    init { println("object init") }
    fun describe() = "limits: $MAX_USERS"
}

fun main() {
    println("${C319Client.VERSION} ${C319Client.RETRIES} ${C319Client.TIMEOUT_MS} ${C319Client.FACTOR}")
    println("${C319Limits.MAX_USERS} ${C319Limits.ENABLED} ${C319Limits.SEPARATOR}")
    println("before other members")
    println(C319Client.created)
    println(C319Limits.describe())
    println(C319Client.RETRIES * 2)
}
