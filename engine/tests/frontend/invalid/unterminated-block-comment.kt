fun main() {
    println("before")
    /* The rest of the file is swallowed by this comment
    println("after")
}
