import type { ReportFlag } from '@rapporteur/template'

/** Section id → short title, for naming sections in flags. */
type SectionTitles = ReadonlyMap<string, string>

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

const sectionList = (ids: readonly string[], titles: SectionTitles): string =>
  ids.map((id) => titles.get(id) ?? id).join(', ')

/** What the chair reads for one flag, e.g. "2 quotes still wait for consent". */
export function describeFlag(flag: ReportFlag, titles: SectionTitles, conciseBulletWords: number): string {
  switch (flag.kind) {
    case 'empty-sections':
      return `Still empty: ${sectionList(flag.sectionIds, titles)}`
    case 'long-bullets':
      return `${plural(flag.count, 'bullet', 'bullets')} over ${conciseBulletWords} words in ${sectionList(flag.sectionIds, titles)}`
    case 'pending-quotes':
      return `${plural(flag.count, 'quote still waits', 'quotes still wait')} for consent`
    case 'no-rapporteur':
      return flag.minutes === null ? 'No rapporteur has joined yet' : `No rapporteur for ${flag.minutes} min`
  }
}
