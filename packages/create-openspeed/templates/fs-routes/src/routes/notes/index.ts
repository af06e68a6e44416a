import type { RouteHandler } from '@openspeed/router-fs'
import { z } from 'zod'
import { addNote, notes } from '../../store.ts'

export const schema = {
  POST: { json: z.object({ text: z.string().min(1).max(500) }) },
}

export const GET: RouteHandler = (c) => c.json([...notes.values()])

export const POST: RouteHandler<typeof schema.POST> = (c) => c.json(addNote(c.req.valid('json').text), 201)
