import type { Quote } from '../types.js'

/**
 * The Chatham House rule in one place: a quote names its speaker and affiliation only when consent is
 * `approved`; otherwise it reads "Anonymous", with the quote's non-identifying description if it has one.
 * Every output of a report attributes quotes through this function.
 */
export function attributeQuote(quote: Pick<Quote, 'speaker' | 'affiliation' | 'description' | 'consent'>): string {
  const description = quote.description.trim()
  if (quote.consent === 'approved') {
    const named = [quote.speaker.trim(), quote.affiliation.trim()].filter(Boolean).join(', ')
    if (named) return named
  }
  return description ? `Anonymous (${description})` : 'Anonymous'
}
