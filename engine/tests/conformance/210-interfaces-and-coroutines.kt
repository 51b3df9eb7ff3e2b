// Rule: a suspend function declared in an interface (or abstract in a class) is implemented by a class or object and called through the interface from coroutines, suspending in the implementation.
import kotlinx.coroutines.*

data class H210User(val id: Int, val name: String)

interface H210Repo {
    suspend fun load(id: Int): H210User
    suspend fun loadAll(ids: List<Int>): List<H210User> = ids.map { load(it) }
}

class H210FakeRepo(val delayMs: Long) : H210Repo {
    var calls = 0
    override suspend fun load(id: Int): H210User {
        calls++
        delay(delayMs)
        return H210User(id, "user$id")
    }
}

object H210EmptyRepo : H210Repo {
    override suspend fun load(id: Int): H210User = throw IllegalArgumentException("no user $id")
}

abstract class H210Worker(val name: String) {
    abstract suspend fun work(i: Int): Int

    suspend fun runAll(n: Int): Int = coroutineScope {
        (1..n).map { i -> async { work(i) } }.awaitAll().sum()
    }
}

class H210Doubler : H210Worker("doubler") {
    override suspend fun work(i: Int): Int {
        delay(100L * i)
        return i * 2
    }
}

fun main() = runBlocking {
    val repo: H210Repo = H210FakeRepo(100)
    val start = System.currentTimeMillis()
    val users = listOf(async { repo.load(1) }, async { repo.load(2) }).awaitAll()
    println(users)
    println((System.currentTimeMillis() - start) / 100 * 100)
    println(repo.loadAll(listOf(3, 4)))
    println((repo as H210FakeRepo).calls)
    try {
        H210EmptyRepo.load(5)
    } catch (e: IllegalArgumentException) {
        println("caught ${e.message}")
    }
    println(H210Doubler().runAll(3))
    println("done")
}
