// Rule: A sealed class's subclasses may be nested in it (data classes and an object): outside its body they are named Result.Ok, a when over them with is and the object's name needs no else, and a nested data class prints its simple name (Ok(value=1)), compares, copies and destructures as a top-level one does.
sealed class N263Result {
    data class Ok(val value: Int) : N263Result()
    data class Failed(val error: Throwable) : N263Result()
    object Pending : N263Result()
}

fun n263Handle(r: N263Result) = when (r) {
    is N263Result.Ok -> "ok ${r.value}"
    is N263Result.Failed -> "failed ${r.error.message}"
    N263Result.Pending -> "pending"
}

fun main() {
    val results = listOf(N263Result.Ok(1), N263Result.Failed(IllegalStateException("boom")), N263Result.Pending)
    for (r in results) println("1 " + n263Handle(r))
    println("2 " + N263Result.Ok(1))
    println("3 " + N263Result.Failed(IllegalStateException("boom")))
    println("4 " + (N263Result.Ok(1) == N263Result.Ok(1)) + " " + (N263Result.Ok(1) == N263Result.Ok(2)))
    println("5 " + N263Result.Ok(1).copy(value = 2))
    val (v) = N263Result.Ok(5)
    println("6 $v")
    println("7 " + (N263Result.Ok(3).hashCode() == N263Result.Ok(3).hashCode()))
    println("8 " + results.filter { it is N263Result.Ok })
    val p: N263Result = N263Result.Pending
    println("9 " + (p is N263Result.Pending) + " " + (p === N263Result.Pending) + " " + (p is N263Result.Ok))
    println("10 " + N263Result.Pending.toString().substringBefore('@'))
    println("11 " + listOf(N263Result.Ok(2), N263Result.Ok(1)).sortedBy { it.value })
    val failed = results[1] as N263Result.Failed
    println("12 " + failed.error)
}
