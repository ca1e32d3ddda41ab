const MARKDOWN_SPECIAL = /([\\`*_[\]<>#])/g

/**
 * Text made inert in Markdown: a backslash before each character that could open markup, raw HTML or a heading
 * (backslash, backtick, `*`, `_`, `[`, `]`, `<`, `>`, `#`), so a renderer shows `<img …>` as text. Every text the
 * Markdown outputs carry goes through it: titles, header fields, rich text, quotes and their attribution, notes.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$1')
}
