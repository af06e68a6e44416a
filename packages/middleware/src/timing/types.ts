/**
 * Server-Timing metrics of one request, as `c.get('timing')` exposes them.
 *
 * @example
 * const timing: Timing = c.get('timing')
 * timing.start('db')
 * const rows = await db.query(sql)
 * timing.end('db')
 */
export interface Timing {
  /** Records a metric with a duration in milliseconds (and an optional description). */
  add(name: string, duration?: number, description?: string): void
  /** Starts a metric measured until `end(name)`. */
  start(name: string, description?: string): void
  /** Ends a metric started with `start(name)`; unknown names are ignored. */
  end(name: string): void
}
