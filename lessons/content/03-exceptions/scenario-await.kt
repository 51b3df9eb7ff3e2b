// Lesson 3, exceptions: a try/catch around await() comes too late in a coroutineScope.
import kotlinx.coroutines.*
import java.io.IOException

val scopeKind = "coroutineScope" // @param one of "coroutineScope", "supervisorScope" "Scope of the request"
val catchAt = "around await()" // @param one of "around await()", "inside async" "Where the try/catch stands"
val priceMs = 50 // @param 10..300 step 10 "The price service fails after (ms)"
val renderMs = 100 // @param 10..300 step 10 "Rendering takes (ms)"

suspend fun fetchPrice(): Int {
    delay(priceMs.toLong())
    throw IOException("price service down")
}

suspend fun renderPage(): String {
    delay(renderMs.toLong())
    println("render: done")
    return "page"
}

suspend fun CoroutineScope.showProduct(): String {
    val price = async(CoroutineName("price")) {
        if (catchAt == "inside async") {
            try {
                fetchPrice()
            } catch (e: IOException) {
                println("caught $e inside async, using -1")
                -1
            }
        } else {
            fetchPrice()
        }
    }
    val page = async(CoroutineName("render")) { renderPage() }
    val p = try {
        price.await()
    } catch (e: IOException) {
        println("caught $e around await(), using -1")
        -1
    }
    println("continuing with price $p")
    return "${page.await()} with price $p"
}

fun main() = runBlocking {
    try {
        val result = if (scopeKind == "supervisorScope") {
            supervisorScope { showProduct() }
        } else {
            coroutineScope { showProduct() }
        }
        println("served: $result")
    } catch (e: Exception) {
        println("request failed: $e")
    }
}
