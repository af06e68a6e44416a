// kept for imports not yet moved to './types.ts', where these public types now live
export type { ErrorHandler, NotFoundHandler } from './types.ts'
