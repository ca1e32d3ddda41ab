/** An ISO time as "2099-06-30 17:00 UTC" for reports; the text itself when it is not a time. */
export function formatUtcTime(iso: string): string {
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return iso
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
