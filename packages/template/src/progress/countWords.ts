/** Counts words: runs of non-space characters holding at least one letter or digit. */
export function countWords(text: string): number {
  let words = 0
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) words += 1
  }
  return words
}
