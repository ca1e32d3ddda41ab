import type { ReportProgress } from '@rapporteur/template'

/** "3 quotes · 1 pending consent": counts only, the feed never carries a quote's text or speaker. */
export function QuotesLine({ quotes }: { readonly quotes: ReportProgress['quotes'] }) {
  return (
    <p className="quotes-line" data-quotes={quotes.total} data-quotes-pending={quotes.pending}>
      {quotes.total === 0 ? 'No quotes yet' : `${quotes.total} ${quotes.total === 1 ? 'quote' : 'quotes'}`}
      {quotes.pending > 0 && <span className="quotes-line__pending"> · {quotes.pending} pending consent</span>}
      {quotes.total > 0 && quotes.pending === 0 && <span className="muted"> · all with a consent choice</span>}
    </p>
  )
}
