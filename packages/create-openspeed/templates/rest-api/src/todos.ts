import { describe, HttpError, OpenSpeed, validate } from '@openspeed/core'
import { z } from 'zod'
import { addTodo, todos } from './store.ts'

// `.meta({ id })` names a schema in the OpenAPI document (#/components/schemas/Todo)
const Todo = z.object({ id: z.number().int(), title: z.string(), done: z.boolean() }).meta({ id: 'Todo' })
const newTodo = z.object({ title: z.string().min(1).max(200) })
const todoUpdate = z.object({ title: z.string().min(1).max(200).optional(), done: z.boolean().optional() })
const todoParams = z.object({ id: z.coerce.number().int().positive() })
const notFound = { description: 'No todo with that id' }

function findTodo(id: number) {
  const todo = todos.get(id)
  if (todo === undefined) throw new HttpError(404, { detail: `No todo with id ${id}` })
  return todo
}

/** The /todos resource: list, create, read, update, delete. */
export const todoRoutes = new OpenSpeed()
  .get('/', describe({ summary: 'List todos', tags: ['todos'], responses: { 200: z.array(Todo) } }), (c) =>
    c.json([...todos.values()]),
  )
  .post(
    '/',
    describe({ summary: 'Create a todo', tags: ['todos'], responses: { 201: Todo } }),
    validate('json', newTodo),
    (c) => c.json(addTodo(c.req.valid('json').title), 201),
  )
  .get(
    '/:id',
    describe({ summary: 'Read a todo', tags: ['todos'], responses: { 200: Todo, 404: notFound } }),
    validate('params', todoParams),
    (c) => c.json(findTodo(c.req.valid('params').id)),
  )
  .patch(
    '/:id',
    describe({ summary: 'Update a todo', tags: ['todos'], responses: { 200: Todo, 404: notFound } }),
    validate('params', todoParams),
    validate('json', todoUpdate),
    (c) => {
      const todo = findTodo(c.req.valid('params').id)
      Object.assign(todo, c.req.valid('json'))
      return c.json(todo)
    },
  )
  .delete(
    '/:id',
    describe({
      summary: 'Delete a todo',
      tags: ['todos'],
      responses: { 204: { description: 'Deleted' }, 404: notFound },
    }),
    validate('params', todoParams),
    (c) => {
      todos.delete(findTodo(c.req.valid('params').id).id)
      return c.body(null, 204)
    },
  )
