// Rule: constructing a subclass evaluates the superclass constructor's arguments, then runs the superclass's property initialisers and init blocks, then the subclass's, level by level; an object extending a class is initialised the same way on first use.
fun h201Trace(s: String): String {
    println("eval $s")
    return s
}

open class H201Root(val id: String) {
    val rootTag = h201Trace("root tag of $id")

    init {
        println("Root init $id")
    }
}

open class H201Middle(id: String, val level: Int) : H201Root(h201Trace("id $id")) {
    init {
        println("Middle init $level, root tag is $rootTag")
    }

    val middleTag = h201Trace("middle tag $level")
}

class H201Leaf(val leafName: String) : H201Middle(h201Trace(leafName + "!"), 3) {
    val leafTag = h201Trace("leaf tag")

    init {
        println("Leaf init $leafName $id $level $middleTag")
    }
}

object H201Single : H201Middle("single", 1) {
    init {
        println("Single init")
    }

    fun hello() = "hello from $id"
}

fun main() {
    println("start")
    val leaf = H201Leaf("leaf")
    println("built ${leaf.id} ${leaf.rootTag} ${leaf.leafTag}")
    println("before object")
    println(H201Single.hello())
    println(H201Single.level)
    println("end")
}
