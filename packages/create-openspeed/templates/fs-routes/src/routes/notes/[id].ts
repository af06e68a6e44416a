import { HttpError } from '@openspeed/core'
import type { RouteHandler } from '@openspeed/router-fs'
import { z } from 'zod'
import { notes } from '../../store.ts'

// `[id]` in the file name is the path parameter; this schema validates and converts it
export const params = z.object({ id: z.coerce.number().int().positive() })

function findNote(id: number) {
  const note = notes.get(id)
  if (note === undefined) throw new HttpError(404, { detail: `No note with id ${id}` })
  return note
}

export const GET: RouteHandler<{ params: typeof params }> = (c) => c.json(findNote(c.req.valid('params').id))

export const DELETE: RouteHandler<{ params: typeof params }> = (c) => {
  notes.delete(findNote(c.req.valid('params').id).id)
  return c.body(null, 204)
}
