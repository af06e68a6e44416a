export { getDescription, getValidation, type ValidationInfo } from './route-meta.ts'
