/** A note. */
export interface Note {
  id: number
  text: string
}

/**
 * An in-memory store. It lives outside src/routes/, so `openspeed dev` keeps its data when you
 * edit, add or remove route files. Swap it for a database when you need one.
 */
export const notes: Map<number, Note> = new Map()
let nextId = 1

export function addNote(text: string): Note {
  const note = { id: nextId++, text }
  notes.set(note.id, note)
  return note
}
