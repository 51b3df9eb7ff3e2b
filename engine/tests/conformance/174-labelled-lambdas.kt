// Rule: a lambda written with a label (lit@{ … }) returns from itself with return@lit, inline (forEach, map) or not (launch, a lambda value), instead of by the name of the function it is passed to.
import kotlinx.coroutines.*
fun main() = runBlocking {
    listOf(1, 2, 3, 4).forEach lit@{
        if (it % 2 == 0) return@lit
        println("odd $it")
    }
    val squares = listOf(1, 2, 3).map sq@{ x ->
        if (x == 2) return@sq 0
        x * x
    }
    println(squares)
    val job = launch worker@{
        repeat(3) { i ->
            if (i == 1) return@worker
            println("step $i")
        }
    }
    job.join()
    val f = check@{ n: Int -> if (n < 0) return@check "negative"; "ok" }
    println(f(-1) + " " + f(1))
    println("done")
}
