// A var property can only be overridden by a var: a val would take away its setter.
open class VV1Base { open var x: Int = 1; open val y: Int = 2 }
class VV1Sub : VV1Base() { override val x: Int = 3; override var y: Int = 4 }
fun main() { println(VV1Sub().y) }
interface VV1Named { var name: String }
class VV1Person(override val name: String) : VV1Named
