/** A todo item. */
export interface Todo {
  id: number
  title: string
  done: boolean
}

/**
 * An in-memory store. It lives in its own module, so `openspeed dev` keeps its data when you
 * edit the routes. Swap it for a database when you need one.
 */
export const todos: Map<number, Todo> = new Map()
let nextId = 1

export function addTodo(title: string): Todo {
  const todo = { id: nextId++, title, done: false }
  todos.set(todo.id, todo)
  return todo
}
