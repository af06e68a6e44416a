/** Median of numbers (mean of the middle two for an even count); `NaN` for none. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Geometric mean of positive numbers; `NaN` if any is missing. */
export function geomean(values) {
  if (values.length === 0 || values.some((v) => !(v > 0))) return Number.NaN
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length)
}

/** `12,345` for counts, `0.93` for ratios, `—` for a missing value. */
export function formatNumber(value, digits = 0) {
  if (!Number.isFinite(value)) return '—'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}
