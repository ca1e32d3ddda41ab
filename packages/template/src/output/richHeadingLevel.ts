/**
 * A rich-text heading's own level, 1–6, from its `attrs.level`, which comes from a shared document and may hold
 * anything. A whole number (or a string of one) is clamped into 1–6 (0 → 1, 7 → 6); anything else (missing, `'x'`,
 * 2.5, NaN) reads as 1, the first heading level inside a section. Each output then shifts it below the section's own
 * heading and caps it at 6, so no export writes `<hNaN>`, `<h0>` or `<h7>`.
 */
export function richHeadingLevel(attrs: Readonly<Record<string, unknown>> | undefined): number {
  const raw = attrs?.level
  const level = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  if (typeof level !== 'number' || !Number.isInteger(level)) return 1
  return Math.min(6, Math.max(1, level))
}
