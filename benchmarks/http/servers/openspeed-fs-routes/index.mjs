import { helloText } from '../../scenarios.mjs'

export const GET = (c) => c.text(helloText)
