// Rule: A sealed result type nested in its parent travels through async and await like any value, and an exception class nested in a class crosses coroutineScope: it cancels the siblings, is rethrown by the scope and is caught by its qualified type.
import kotlinx.coroutines.*

sealed class N268Fetch {
    data class Loaded(val id: Int, val body: String) : N268Fetch()
    data class Missing(val id: Int) : N268Fetch()
    data class Failed(val id: Int, val reason: String) : N268Fetch()
}

class N268Client {
    class NotFound(val id: Int) : Exception("no item $id")
    class Throttled(msg: String) : RuntimeException(msg)

    suspend fun fetch(id: Int): N268Fetch {
        delay(10L * id)
        return when (id) {
            3 -> throw NotFound(id)
            4 -> N268Fetch.Missing(id)
            else -> N268Fetch.Loaded(id, "item$id")
        }
    }
}

fun n268Describe(f: N268Fetch): String = when (f) {
    is N268Fetch.Loaded -> "loaded ${f.body}"
    is N268Fetch.Missing -> "missing ${f.id}"
    is N268Fetch.Failed -> "failed ${f.id}: ${f.reason}"
}

fun main() = runBlocking {
    val client = N268Client()
    val deferred = (1..4).map { id ->
        async {
            try {
                client.fetch(id)
            } catch (e: N268Client.NotFound) {
                N268Fetch.Failed(id, e.message ?: "")
            }
        }
    }
    val results = deferred.awaitAll()
    results.forEach { println("1 " + n268Describe(it)) }
    println("2 $results")
    try {
        coroutineScope {
            launch {
                try {
                    delay(1000)
                    println("never")
                } finally {
                    println("3 sibling cancelled")
                }
            }
            val d = async<N268Fetch> {
                delay(10)
                throw N268Client.Throttled("slow down")
            }
            println("never " + d.await())
        }
    } catch (e: N268Client.Throttled) {
        println("4 caught $e")
    }
    val sealedFromAsync: N268Fetch = async { client.fetch(2) }.await()
    println("5 " + (sealedFromAsync is N268Fetch.Loaded) + " " + sealedFromAsync)
}
