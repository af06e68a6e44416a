import type { Timing } from './types.ts'

const kNonToken = /[^!#$%&'*+.^_`|~0-9A-Za-z-]/g
// quoted strings may not contain control characters, and CR/LF would split the header
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const kControl = /[\x00-\x1f\x7f]/g

function sanitizeName(name: string): string {
  return name.slice(0, 64).replace(kNonToken, '_') || '_'
}

function quote(description: string): string {
  return `"${description.slice(0, 256).replace(kControl, '').replace(/[\\"]/g, '\\$&')}"`
}

/** Collects metrics and renders them as one `Server-Timing` value. */
export class MetricList implements Timing {
  readonly #parts: string[] = []
  readonly #started = new Map<string, { at: number; description: string | undefined }>()
  readonly #digits: number

  constructor(digits: number) {
    this.#digits = digits
  }

  add(name: string, duration?: number, description?: string): void {
    let part = sanitizeName(name)
    if (duration !== undefined && Number.isFinite(duration) && duration >= 0) {
      part += `;dur=${duration.toFixed(this.#digits)}`
    }
    if (description !== undefined && description !== '') part += `;desc=${quote(description)}`
    this.#parts.push(part)
  }

  start(name: string, description?: string): void {
    this.#started.set(name, { at: performance.now(), description })
  }

  end(name: string): void {
    const started = this.#started.get(name)
    if (started === undefined) return
    this.#started.delete(name)
    this.add(name, performance.now() - started.at, started.description)
  }

  /** The header value, or `''` with no metric. */
  toString(): string {
    return this.#parts.join(', ')
  }
}
