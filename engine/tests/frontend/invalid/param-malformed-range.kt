val queryMs = 200 // @param 50...2000 step 50 "Query time (ms)"

fun main() {
    println(queryMs)
}
