// Rule: Mutex: lock suspends while the mutex is held; unlock hands it to the waiter; withLock releases on exception.
import kotlinx.coroutines.*
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

// lock() on a held Mutex suspends. unlock() hands the lock straight to the waiter,
// which resumes later from the queue already owning it. withLock releases the lock
// even when its block throws.
fun main() = runBlocking {
    val printer = Mutex()
    printer.lock()
    println("main: holds the printer lock")
    val job = launch {
        println("job: wants the printer")
        printer.lock()
        println("job: got the printer")
        printer.unlock()
        println("job: released the printer")
    }
    yield()
    println("main: unlocking while the job waits")
    printer.unlock()
    println("main: after unlock, isLocked = ${printer.isLocked}, tryLock() = ${printer.tryLock()}")
    job.join()
    println("main: after the job, isLocked = ${printer.isLocked}")
    try {
        printer.withLock {
            println("main: inside withLock, isLocked = ${printer.isLocked}")
            throw IllegalStateException("paper jam")
        }
    } catch (e: IllegalStateException) {
        println("main: caught $e, isLocked = ${printer.isLocked}")
    }
}
