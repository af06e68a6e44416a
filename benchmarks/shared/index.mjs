export { withLock } from './lock.mjs'
export { machine, packageVersions } from './machine.mjs'
export { writeSection } from './results-md.mjs'
export { formatNumber, geomean, median } from './stats.mjs'
