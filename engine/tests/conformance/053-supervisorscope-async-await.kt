// Rule: In supervisorScope a failing async does not cancel its siblings or the scope; its exception appears only at await(), where it can be caught.
import kotlinx.coroutines.*

fun main() = runBlocking {
    val summary = supervisorScope {
        val profile = async {
            delay(200)
            println("profile: loaded")
            "profile"
        }
        val ads = async<String> {
            delay(100)
            println("ads: failing")
            throw IllegalStateException("ads service down")
        }
        val adsPart = try {
            ads.await()
        } catch (e: IllegalStateException) {
            println("scope: ads.await() threw $e")
            "no ads"
        }
        println("scope: profile still active = ${profile.isActive}")
        "${profile.await()} + $adsPart"
    }
    println("main: supervisorScope returned '$summary'")
}
