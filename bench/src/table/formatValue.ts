/** A metric value with its unit, at a precision that suits its size (`—` when unknown). */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—'
  const magnitude = Math.abs(value)
  const digits = magnitude >= 100 || Number.isInteger(value) ? 0 : magnitude >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${unit}`
}

/** A ratio as `0.42×` (`—` when unknown). */
export function formatRatio(ratio: number): string {
  if (ratio === Number.POSITIVE_INFINITY) return '∞'
  if (!Number.isFinite(ratio)) return '—'
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`
}
