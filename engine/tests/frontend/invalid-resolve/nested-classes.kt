// A nested class is named with its outer class outside that class's body, as kotlinc
// resolves it; inside, its simple name is enough.
sealed class Result {
    data class Ok(val value: Int) : Result()
    data class Failed(val error: Throwable) : Result()
    object Pending : Result()

    fun isOk() = this is Ok
}

fun handle(r: Result) = when (r) {
    is Result.Ok -> "ok ${r.value}"
    is Failed -> "failed"
}

fun main() {
    println(Ok(1))
    println(Result.Nope)
    println(Result.Ok(1).isOk())
    println(Result.Pending())
}

// A nested class has no instance of its outer class.
class Repository(val url: String) {
    fun open() = 1

    class Cache {
        fun key() = url + open()
    }
}

// What a companion object nests is not supported; an object has no companion.
class Settings {
    companion object {
        class Defaults
    }
}

object Registry {
    companion object
}

// A when over nested sealed subclasses names the missing ones by their simple names.
fun describe(r: Result) = when (r) {
    Result.Pending -> "pending"
}
