import { attributeQuote, type QuoteEntry } from '@rapporteur/template'
import { PendingConsentFlag } from './PendingConsentFlag'

/**
 * One quote as readers see it: the words and the Chatham House attribution only — never the
 * speaker's name unless they approved it. A pending quote is flagged (to the chair).
 */
export function QuoteView({ quote, index }: { readonly quote: QuoteEntry; readonly index: number }) {
  return (
    <li
      className={`quote quote--read-only quote--${quote.consent}`}
      data-quote-index={index}
      data-quote-id={quote.id}
      data-consent={quote.consent}
    >
      {quote.consent === 'pending' && <PendingConsentFlag />}
      <blockquote className="quote__text" data-quote-text="">
        {quote.text || <span className="muted">(no text yet)</span>}
      </blockquote>
      <p className="quote__attribution" data-attribution="">
        — {attributeQuote(quote)}
      </p>
    </li>
  )
}
