import ts from 'typescript'
import { parenthesize } from '../_type-text.ts'

const kIdentifier = /^[A-Za-z_$][\w$]*$/

/** Prints a property name, quoted unless it is an identifier. */
export function printKey(name: string): string {
  return kIdentifier.test(name) ? name : JSON.stringify(name)
}

/**
 * Prints types structurally, so the output names no type of the source program: interfaces and
 * aliases are inlined, and a type that refers to itself becomes a local alias (`Ref0`).
 * Types from TypeScript's standard library (`Date`, `Uint8Array`) keep their global names.
 */
export class TypePrinter {
  readonly #checker: ts.TypeChecker
  readonly #program: ts.Program
  readonly #stack: ts.Type[] = []
  readonly #refs = new Map<ts.Type, string>()
  readonly #emitted = new Set<ts.Type>()
  readonly aliases: string[] = []

  constructor(program: ts.Program) {
    this.#program = program
    this.#checker = program.getTypeChecker()
  }

  print(type: ts.Type, indent = ''): string {
    const flags = type.flags
    if (flags & ts.TypeFlags.Any) return 'any'
    if (flags & ts.TypeFlags.Unknown || flags & ts.TypeFlags.TypeParameter) return 'unknown'
    if (flags & ts.TypeFlags.StringLiteral) return JSON.stringify((type as ts.StringLiteralType).value)
    if (flags & ts.TypeFlags.NumberLiteral) return String((type as ts.NumberLiteralType).value)
    if (flags & ts.TypeFlags.Union) return this.#union(type as ts.UnionType, indent)
    if (flags & ts.TypeFlags.Intersection) return this.#intersection(type as ts.IntersectionType, indent)
    if (flags & ts.TypeFlags.Object) return this.#object(type as ts.ObjectType, indent)
    // primitives, boolean/bigint literals, template literal types: no names to inline
    return this.#checker.typeToString(type)
  }

  #union(type: ts.UnionType, indent: string): string {
    const parts = type.types.map((member) => this.print(member, indent))
    const printed =
      parts.includes('true') && parts.includes('false') ? parts.filter((part) => part !== 'false') : parts
    return printed
      .map((part) =>
        part === 'true' && printed !== parts ? 'boolean' : part.startsWith('(...') ? `(${part})` : part,
      )
      .join(' | ')
  }

  #intersection(type: ts.IntersectionType, indent: string): string {
    const objects = type.types.every((member) => member.flags & ts.TypeFlags.Object)
    if (
      objects &&
      type.types.every((member) => this.#library(member as ts.ObjectType, indent) === undefined)
    ) {
      return this.#members(type, indent)
    }
    return type.types.map((member) => parenthesize(this.print(member, indent))).join(' & ')
  }

  #isLibrary(symbol: ts.Symbol | undefined): symbol is ts.Symbol {
    const declarations = symbol?.declarations
    return (
      declarations !== undefined &&
      declarations.length > 0 &&
      declarations.every((node) => this.#program.isSourceFileDefaultLibrary(node.getSourceFile()))
    )
  }

  /** `Date`, `Map<string, T>`, `Record<K, T>`: global names, with their type arguments printed. */
  #library(type: ts.ObjectType, indent: string): string | undefined {
    let symbol: ts.Symbol | undefined
    let args: readonly ts.Type[] = []
    if (this.#isLibrary(type.aliasSymbol)) {
      symbol = type.aliasSymbol
      args = type.aliasTypeArguments ?? []
    } else if (
      type.objectFlags &
      (ts.ObjectFlags.Class | ts.ObjectFlags.Interface | ts.ObjectFlags.Reference)
    ) {
      symbol = this.#isLibrary(type.getSymbol()) ? type.getSymbol() : undefined
      if (type.objectFlags & ts.ObjectFlags.Reference)
        args = this.#checker.getTypeArguments(type as ts.TypeReference)
    }
    if (symbol === undefined) return undefined
    return args.length === 0
      ? symbol.name
      : `${symbol.name}<${args.map((arg) => this.print(arg, indent)).join(', ')}>`
  }

  #object(type: ts.ObjectType, indent: string): string {
    const checker = this.#checker
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference)
      const text = `${parenthesize(this.print(element!, indent))}[]`
      return type.getSymbol()?.name === 'ReadonlyArray' ? `readonly ${text}` : text
    }
    if (checker.isTupleType(type)) return this.#tuple(type as ts.TupleTypeReference, indent)
    const library = this.#library(type, indent)
    if (library !== undefined) return library
    if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0)
      return '(...args: any[]) => unknown'
    return this.#members(type, indent)
  }

  #tuple(type: ts.TupleTypeReference, indent: string): string {
    const flags = type.target.elementFlags
    const elements = this.#checker.getTypeArguments(type).map((element, index) => {
      const text = this.print(element, indent)
      const flag = flags[index]!
      if (flag & ts.ElementFlags.Rest) return `...${parenthesize(text)}[]`
      return flag & ts.ElementFlags.Optional ? `${parenthesize(text)}?` : text
    })
    return `${type.target.readonly ? 'readonly ' : ''}[${elements.join(', ')}]`
  }

  #members(type: ts.Type, indent: string): string {
    const known = this.#refs.get(type)
    if (known !== undefined && this.#emitted.has(type)) return known
    if (this.#stack.includes(type)) {
      if (known !== undefined) return known
      const name = `Ref${this.#refs.size}`
      this.#refs.set(type, name)
      return name
    }
    this.#stack.push(type)
    const inner = `${indent}  `
    const lines: string[] = []
    for (const info of this.#checker.getIndexInfosOfType(type)) {
      lines.push(`${inner}[key: ${this.print(info.keyType, inner)}]: ${this.print(info.type, inner)}`)
    }
    for (const property of this.#checker.getPropertiesOfType(type)) {
      const optional = property.flags & ts.SymbolFlags.Optional ? '?' : ''
      const value = this.print(this.#checker.getTypeOfSymbol(property), inner)
      lines.push(`${inner}${printKey(property.name)}${optional}: ${value}`)
    }
    this.#stack.pop()
    const text = lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`
    const name = this.#refs.get(type)
    if (name === undefined) return text
    this.#emitted.add(type)
    this.aliases.push(`type ${name} = ${text.replaceAll(`\n${indent}`, '\n')}`)
    return name
  }
}
