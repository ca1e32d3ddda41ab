/** A section as the picker shows it. */
export interface SectionChoice {
  readonly id: string
  readonly title: string
}

/** The sections before and after `current` in template order, with their 1-based numbers; undefined at the ends. */
export function neighbourSections(
  sections: readonly SectionChoice[],
  current: string,
): { readonly previous?: SectionChoice & { readonly number: number }; readonly next?: SectionChoice & { readonly number: number } } {
  const index = sections.findIndex((section) => section.id === current)
  if (index < 0) return {}
  const previous = sections[index - 1]
  const next = sections[index + 1]
  return {
    ...(previous === undefined ? {} : { previous: { ...previous, number: index } }),
    ...(next === undefined ? {} : { next: { ...next, number: index + 2 } }),
  }
}
