class Screen {
    lateinit val a: String
    lateinit var b: Int
    lateinit var c: String?
    lateinit var d: String = ""
    lateinit var title: String
    var plain: String = ""

    fun plainSet() = ::plain.isInitialized
}

class Other {
    fun check(s: Screen) = s::title.isInitialized
}

lateinit var count: Long

fun main() {
    val s = Screen()
    println(s::title.isInitialized)
    lateinit var local: String
    println(::local.isInitialized)
}
