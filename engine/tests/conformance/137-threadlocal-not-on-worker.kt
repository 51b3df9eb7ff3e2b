// Rule: A plain ThreadLocal belongs to a thread: the value set on main is not seen in withContext(Dispatchers.Default), and main still sees it afterwards.
import kotlinx.coroutines.*

val c137User = ThreadLocal<String?>()

fun main() = runBlocking {
    c137User.set("alice")
    println("main: ${c137User.get()}")
    val seen = withContext(Dispatchers.Default) { c137User.get() }
    println("on a Default worker: $seen")
    launch { println("child on main: ${c137User.get()}") }.join()
    println("main again: ${c137User.get()}")
}
