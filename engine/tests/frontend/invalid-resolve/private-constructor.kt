// A private constructor is called from outside its class; a private setter on the same line as its property is assigned from outside.
class Pc2Token private constructor(val value: String)
class Pc2Counter {
    var count = 0; private set
}
fun main() {
    println(Pc2Token("x").value)
    Pc2Counter().count = 3
}
