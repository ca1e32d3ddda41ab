/** Random bytes in a quote id: 96 bits, so two clients never make the same id. */
const ID_BYTES = 12

/**
 * A new quote id: random, made once when the quote is created and never reused. Uses `crypto.getRandomValues`,
 * which browsers offer on plain-http pages too (unlike `crypto.randomUUID`).
 */
export function newQuoteId(): string {
  const bytes = new Uint8Array(ID_BYTES)
  globalThis.crypto.getRandomValues(bytes)
  let id = 'q'
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0')
  return id
}
