/**
 * A run of backticks longer than any run inside `text` (and at least `shortest` long), so a code span or code block
 * fenced with it cannot be closed early by its own content, which would let the rest of it out as Markdown or HTML.
 */
export function backtickFence(text: string, shortest: number): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(shortest, longest + 1))
}
