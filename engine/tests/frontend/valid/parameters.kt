// Lesson parameters: vals marked by `// @param`, at the top level and in main's runBlocking.
import kotlinx.coroutines.*

val queryMs = 200 // @param 50..2000 step 50 "Query time (ms)"
val fail = true // @param "B fails"
val scope = "supervisorScope" // @param one of "coroutineScope", "supervisorScope" "Scope kind"
val timeoutSeconds = 1.5 // @param 0.5..3.0 step 0.5 "Timeout (s)"
val budgetMs: Long = 5_000 // @param 1_000..10_000 step 1_000
val offset = -10 // @param -20..20 step 5 "Offset"

// An ordinary comment that mentions @parameters is not one.
fun main() = runBlocking {
    val workers = 4 // @param 1..8 "Workers"
    println("$queryMs $fail $scope $timeoutSeconds $budgetMs $offset $workers")
}
