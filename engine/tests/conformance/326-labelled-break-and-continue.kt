// Rule: break@label and continue@label leave or go on with the loop the label names, running the finally blocks they leave on the way; an unlabelled break or continue stays with the innermost loop.
import kotlinx.coroutines.*

fun main() = runBlocking<Unit> {
    outer@ for (i in 1..3) {
        for (j in 1..3) {
            if (j == 2) continue@outer
            if (i == 3) break@outer
            println("$i $j")
        }
    }
    var n = 0
    loop@ while (true) {
        n++
        when {
            n < 3 -> continue@loop
            else -> break@loop
        }
    }
    println("n = $n")
    val grid = listOf(listOf(4, 8, 15), listOf(16, 23, 42))
    var found: Pair<Int, Int>? = null
    search@ for ((r, row) in grid.withIndex()) {
        for ((c, value) in row.withIndex()) {
            delay(1)
            if (value > 20) {
                found = r to c
                break@search
            }
        }
    }
    println("found $found")
    var tries = 0
    retry@ do {
        tries++
        try {
            for (k in 1..5) {
                if (k == 2 && tries < 3) continue@retry
                if (k == 3) break@retry
            }
        } finally {
            println("finally after try $tries")
        }
    } while (tries < 10)
    println("tries = $tries")
}
