// Rule: A superclass's initializer that reads an open property a subclass overrides with a value of its own sees the subclass's field before it is set (null, 0, 0.0, false, 0L); afterwards the superclass's code sees the override, super.x reads the superclass's own value, an override with a getter has no field, a constructor property's name in an init block is the property (read through an override), and a property read before its initializer ran holds its type's default.
open class F280Base {
    open val name: String = "base"
    open val n = 5
    open var count: Int = 1
    open val flag = true
    open val ratio = 1.5
    open val big = 10L

    init {
        println("Base init sees $name n=$n count=$count flag=$flag ratio=$ratio big=$big")
    }

    fun show() = "show $name n=$n count=$count"
    fun bump() {
        count += 10
    }
}

class F280Derived : F280Base() {
    override val name: String = "derived"
    override val n = 7
    override var count = 2
    override val flag = false
    override val ratio = 2.5
    override val big = 20L

    init {
        println("Derived init sees $name, super.name=${super.name} super.n=${super.n} super.count=${super.count}")
    }

    fun supers() = "super: ${super.name} ${super.n} ${super.count} ${super.flag} ${super.ratio} ${super.big}"
}

open class F280Named(open val id: Int) {
    open val label: String = "named"
    init {
        println("Named init: id=$id label=$label")
    }
    fun describe() = "id=$id label=$label"
}

open class F280Computed(override val id: Int) : F280Named(id * 100) {
    override val label: String get() = "computed($id)"
    init {
        println("Computed init: id=$id super.id=${super.id} label=$label super.label=${super.label}")
    }
}

class F280Leaf(id: Int) : F280Computed(id + 1) {
    override val label: String = "leaf"
    init {
        println("Leaf init: label=$label super.label=${super.label}")
    }
}

data class F280Point(override val id: Int) : F280Named(7)

class F280Late(k: Int) {
    init {
        println("Late init: " + early())
    }
    fun early() = "$a $b $c $d $e $f"
    val a = 3 + 4
    val b = k * 2
    val c = -1.5
    val d = k > 2
    val e = 1L + k
    val f = "k=" + k
}

fun main() {
    val d = F280Derived()
    println(d.show())
    d.bump()
    println(d.show())
    println(d.supers())
    val base = F280Base()
    println(base.show())
    val leaf = F280Leaf(1)
    println(leaf.describe())
    val computed = F280Computed(5)
    println(computed.describe())
    val p = F280Point(3)
    println(p)
    println(p.describe())
    F280Late(3)
}
