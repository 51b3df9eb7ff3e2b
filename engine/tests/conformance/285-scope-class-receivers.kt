// Rule: An object of a class implementing CoroutineScope is a scope wherever one is expected: svc.launch and svc.async as explicit receiver, an extension on CoroutineScope called on it or from its members, a parameter of type CoroutineScope, is CoroutineScope, scope + context; its coroutineContext may be a plain override val, a getter, inherited from an abstract class, or required by an interface that extends CoroutineScope.
import kotlinx.coroutines.*
import kotlin.coroutines.CoroutineContext

fun CoroutineScope.s285Worker(tag: String) = launch {
    println("worker $tag runs as ${coroutineContext[CoroutineName]?.name}")
}

fun s285StartIn(scope: CoroutineScope, tag: String): Job = scope.launch { println("started in a parameter scope: $tag") }

class S285Repo(val name: String) : CoroutineScope {
    override val coroutineContext = Job() + CoroutineName(name)
    fun load(id: Int) = async { delay(10L * id); "$name:$id" }
    fun spawnWorker() = s285Worker("from-member")
    suspend fun report() = println("$name active=$isActive job-present=${coroutineContext[Job] != null}")
}

interface S285Presenter : CoroutineScope {
    fun show(text: String) = launch { println("show $text in ${coroutineContext[CoroutineName]!!.name}") }
}

abstract class S285Base : S285Presenter {
    val job = Job()
    abstract val label: String
    override val coroutineContext: CoroutineContext get() = job + CoroutineName(label) + Dispatchers.Unconfined
}

class S285Screen : S285Base() {
    override val label = "screen"
    fun twice() {
        listOf("a", "b").forEach { launch { println("twice $it") } }
    }
}

object S285App : CoroutineScope {
    override val coroutineContext: CoroutineContext
        get() = Dispatchers.Unconfined + CoroutineName("app")
}

fun main() = runBlocking {
    val repo = S285Repo("repo")
    val a = repo.load(2)
    val b = repo.load(1)
    println("awaited ${a.await()} and ${b.await()}")
    repo.s285Worker("explicit").join()
    repo.spawnWorker().join()
    s285StartIn(repo, "repo").join()
    println("repo is a CoroutineScope: ${(repo as Any) is CoroutineScope}")
    println("children of repo's job: ${repo.coroutineContext[Job]!!.children.count()}")
    repo.report()
    val other = repo + CoroutineName("other")
    println("scope + context: ${other.coroutineContext[CoroutineName]!!.name}, same job: ${other.coroutineContext[Job] === repo.coroutineContext[Job]}")
    repo.coroutineContext[Job]!!.cancel()
    repo.report()
    val late = repo.launch { println("never printed") }
    println("late child cancelled=${late.isCancelled}")

    val screen = S285Screen()
    screen.show("hello")
    screen.twice()
    println("screen job children after Unconfined children ended: ${screen.job.children.count()}")
    val pending = screen.launch { delay(1000); println("never printed either") }
    println("screen children: ${screen.job.children.count()}")
    screen.job.cancel()
    pending.join()
    println("pending cancelled=${pending.isCancelled}, screen active=${screen.isActive}")

    S285App.launch { println("app scope runs ${coroutineContext[CoroutineName]!!.name}, has a job of its own: ${coroutineContext[Job] != null}") }
    println("app scope has no job: ${S285App.coroutineContext[Job] == null}, active=${S285App.isActive}")
}
