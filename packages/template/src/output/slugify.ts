/** A lowercase ASCII name for files and anchors ("South-South mobility" → "south-south-mobility"); `fallback` when empty. */
export function slugify(text: string, fallback = 'report'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
  return slug === '' ? fallback : slug
}
