// Rule: A sealed class nested in a sealed class is itself covered by its own subclasses: a when over the outer one is exhaustive when it names every leaf (the nested sealed class's subclasses, one of them nested a level further) or the nested sealed class as a whole.
sealed class N271Event {
    sealed class Input : N271Event() {
        data class Key(val ch: Char) : Input()
        data class Move(val dx: Int, val dy: Int) : Input()

        sealed class Clipboard : Input() {
            class Paste(val text: String) : Clipboard()
        }
    }

    object Tick : N271Event()
    class Resize(val w: Int) : N271Event()
}

fun n271Leaves(e: N271Event) = when (e) {
    is N271Event.Input.Key -> "key ${e.ch}"
    is N271Event.Input.Move -> "move ${e.dx},${e.dy}"
    is N271Event.Input.Clipboard.Paste -> "paste ${e.text}"
    N271Event.Tick -> "tick"
    is N271Event.Resize -> "resize ${e.w}"
}

fun n271Groups(e: N271Event) = when (e) {
    is N271Event.Input -> "input"
    N271Event.Tick -> "tick"
    is N271Event.Resize -> "resize"
}

fun main() {
    val events = listOf(N271Event.Input.Key('a'), N271Event.Input.Move(1, -1), N271Event.Input.Clipboard.Paste("hi"), N271Event.Tick, N271Event.Resize(80))
    for (e in events) println("1 " + n271Leaves(e) + " / " + n271Groups(e))
    println("2 " + events.count { it is N271Event.Input })
    println("3 " + N271Event.Input.Key('z') + " " + N271Event.Input.Move(0, 2))
}
