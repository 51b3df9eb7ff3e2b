// Rule: an exception of a user hierarchy that escapes main is reported under its own class name with the message it passed up to Exception.
open class H207AppException(msg: String) : Exception(msg)

class H207NotFound(what: String) : H207AppException("missing $what")

fun main() {
    println("looking")
    throw H207NotFound("config")
}
