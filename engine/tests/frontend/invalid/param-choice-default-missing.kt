val scope = "globalScope" // @param one of "coroutineScope", "supervisorScope" "Scope kind"

fun main() {
    println(scope)
}
