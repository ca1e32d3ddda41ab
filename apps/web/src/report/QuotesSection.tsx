import { addQuote, removeQuote, type SectionDefinition } from '@rapporteur/template'
import type * as Y from 'yjs'
import { GuidanceText } from './GuidanceText'
import { QuoteEditor } from './QuoteEditor'
import { QuoteView } from './QuoteView'
import { useQuotes } from './useQuotes'

/**
 * The quotes section: the template's guidance for it (from the template data: how many quotes, the Chatham
 * House rule), then a structured list over the shared `quotes` array; readers see text + attribution. Quotes
 * waiting for consent are counted.
 */
export function QuotesSection({ doc, readOnly, section }: { readonly doc: Y.Doc; readonly readOnly: boolean; readonly section: SectionDefinition }) {
  const quotes = useQuotes(doc)
  const pending = quotes.filter(({ quote }) => quote.consent === 'pending').length
  return (
    <div className="quotes">
      <div data-quotes-guidance="">
        <GuidanceText text={section.guidance} className="guidance" />
      </div>
      {quotes.length === 0 && <p className="muted">No quotes yet.</p>}
      {pending > 0 && (
        <p className="quotes__pending" data-pending-quotes={pending}>
          {pending === 1 ? '1 quote is' : `${pending} quotes are`} waiting for consent and shown as Anonymous until approved.
        </p>
      )}
      <ol className="quotes__list">
        {quotes.map(({ key, index, quote }) =>
          readOnly ? (
            <QuoteView key={key} index={index} quote={quote} />
          ) : (
            <QuoteEditor key={key} doc={doc} index={index} quote={quote} onRemove={() => removeQuote(doc, index)} />
          ),
        )}
      </ol>
      {!readOnly && (
        <button type="button" className="button" onClick={() => addQuote(doc)}>
          Add a quote
        </button>
      )}
    </div>
  )
}
