import type { Quote, ReportContent } from '@rapporteur/template'

/** A quote as a read-only reader may see it: its speaker and affiliation only while consent is `approved`. */
function withholdNames(quote: Quote): Quote {
  return quote.consent === 'approved' ? quote : { ...quote, speaker: '', affiliation: '' }
}

/**
 * A report's content as a read-only reader (chair, viewer) may see it: the same rule the live document follows
 * on the wire (`redactQuoteNames`), applied to content read on the server (e.g. a version).
 */
export function withholdQuoteNames(content: ReportContent): ReportContent {
  return { ...content, quotes: content.quotes.map(withholdNames) }
}
