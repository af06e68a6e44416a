import { HttpError, OpenSpeed, validate } from '@openspeed/core'
import { z } from 'zod'
import { addTodo, todos } from './store.ts'

const newTodo = z.object({ title: z.string().min(1).max(200) })
const todoUpdate = z.object({ title: z.string().min(1).max(200).optional(), done: z.boolean().optional() })
const todoParams = z.object({ id: z.coerce.number().int().positive() })

function findTodo(id: number) {
  const todo = todos.get(id)
  if (todo === undefined) throw new HttpError(404, { detail: `No todo with id ${id}` })
  return todo
}

/** The /todos resource: list, create, read, update, delete. */
export const todoRoutes = new OpenSpeed()
  .get('/', (c) => c.json([...todos.values()]))
  .post('/', validate('json', newTodo), (c) => c.json(addTodo(c.req.valid('json').title), 201))
  .get('/:id', validate('params', todoParams), (c) => c.json(findTodo(c.req.valid('params').id)))
  .patch('/:id', validate('params', todoParams), validate('json', todoUpdate), (c) => {
    const todo = findTodo(c.req.valid('params').id)
    Object.assign(todo, c.req.valid('json'))
    return c.json(todo)
  })
  .delete('/:id', validate('params', todoParams), (c) => {
    todos.delete(findTodo(c.req.valid('params').id).id)
    return c.body(null, 204)
  })
