import { randomInt } from 'node:crypto'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const ID_LENGTH = 12

/** A random URL-safe id of 12 characters from [a-z0-9] (about 62 bits of entropy). */
export function createId(): string {
  let id = ''
  for (let index = 0; index < ID_LENGTH; index += 1) id += ALPHABET[randomInt(ALPHABET.length)]
  return id
}
