function hasTopLevelOperator(text: string): boolean {
  let depth = 0
  let quote = ''
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quote !== '') {
      if (char === '\\') index++
      else if (char === quote) quote = ''
    } else if (char === '"' || char === "'" || char === '`') quote = char
    else if ('{[(<'.includes(char)) depth++
    else if ('}])>'.includes(char) && text[index - 1] !== '=') depth--
    else if (depth === 0 && (char === '|' || char === '&')) return true
  }
  return false
}

/** Parentheses around a union, intersection or function type, for `T[]` and `A & B`. */
export function parenthesize(text: string): string {
  return text.startsWith('(...') || hasTopLevelOperator(text) ? `(${text})` : text
}
