// Rule: while the superclass initialises, the subclass's properties are not set yet: an open or abstract member that the superclass's init block calls reads them with the JVM's defaults (null, 0, false), and they take their values after.
abstract class H216Widget {
    val created = "created " + label()

    init {
        println("widget init: " + describe())
    }

    abstract fun label(): String
    open fun describe() = "widget " + label()
}

class H216Button(val text: String) : H216Widget() {
    val caption = "[" + text + "]"
    val clicks = 3
    var enabled: Boolean = true
    val ratio: Double = 0.5
    override fun label() = "button " + text
    override fun describe() = "button with caption " + caption + ", clicks " + clicks + ", enabled " + enabled + ", ratio " + ratio
}

fun main() {
    val b = H216Button("OK")
    println(b.created)
    println(b.describe())
    println(b.label())
}
