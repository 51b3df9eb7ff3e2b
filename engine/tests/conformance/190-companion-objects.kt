// Rule: a class's companion object holds its constants and factory functions: read and called through the class's name (Client.create, Registry.Factory.made), and without a name inside the class, its var assigned from the class's code and from outside.
import kotlinx.coroutines.*

class C190Client(val name: String) {
    companion object {
        const val TIMEOUT_MS = 100L
        private var created = 0
        val retries get() = 2
        fun create(name: String): C190Client {
            created++
            return C190Client(name)
        }
        fun count() = created
    }

    suspend fun call(): String {
        delay(TIMEOUT_MS)
        return "$name after $TIMEOUT_MS ms, ${count()} clients, $retries retries"
    }
}

class C190Registry {
    companion object Factory {
        var made = 0
        fun make(): C190Registry { made += 1; return C190Registry() }
    }
    fun id() = "registry #$made"
}

fun main() = runBlocking {
    val a = C190Client.create("a")
    val b = C190Client.create("b")
    println(a.call())
    println(b.call())
    println(C190Client.TIMEOUT_MS + 1)
    println(C190Client.count())
    println(C190Client.retries)
    val r = C190Registry.make()
    println(r.id())
    C190Registry.made += 10
    println(C190Registry.Factory.made)
    println(C190Registry.make().id())
}
