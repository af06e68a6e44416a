export { type EmitContractOptions, type EmitContractResult, emitContract } from './emit.ts'
