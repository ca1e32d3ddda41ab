/** Calm, distinguishable colours that stay readable behind white caret labels. */
export const USER_COLORS = [
  '#1f77b4',
  '#d6336c',
  '#2f9e44',
  '#e8590c',
  '#7048e8',
  '#0c8599',
  '#c2255c',
  '#5c940d',
  '#9c36b5',
  '#1864ab',
] as const

/** The same name always gets the same colour, on every device. */
export function userColor(name: string): string {
  let hash = 0
  for (const char of name.trim().toLowerCase()) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  }
  return USER_COLORS[hash % USER_COLORS.length] ?? USER_COLORS[0]
}
