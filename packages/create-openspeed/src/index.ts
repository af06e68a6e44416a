export { type RunOptions, runCreate } from './cli.ts'
export { type CreatedProject, type CreateOptions, createProject } from './create.ts'
export { CreateError, type CreateErrorCode, createErrorCodes } from './create-error.ts'
export { detectPackageManager, type PackageManager } from './package-manager.ts'
