import type { ReportFlag } from '@rapporteur/template'
import { describeFlag } from './describeFlag'

/** The things about one report the chair may want to act on. */
export function FlagList({
  flags,
  sectionTitles,
  conciseBulletWords,
}: {
  readonly flags: readonly ReportFlag[]
  readonly sectionTitles: ReadonlyMap<string, string>
  readonly conciseBulletWords: number
}) {
  if (flags.length === 0) return null
  return (
    <ul className="flags" aria-label="Needs attention">
      {flags.map((flag) => (
        <li key={flag.kind} className="flags__flag" data-flag={flag.kind}>
          {describeFlag(flag, sectionTitles, conciseBulletWords)}
        </li>
      ))}
    </ul>
  )
}
