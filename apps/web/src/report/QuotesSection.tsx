import { addQuote, removeQuote } from '@rapporteur/template'
import type * as Y from 'yjs'
import { QuoteEditor } from './QuoteEditor'
import { QuoteView } from './QuoteView'
import { useQuotes } from './useQuotes'

/** The quotes section: a structured list over the shared `quotes` array; readers see text + attribution. */
export function QuotesSection({ doc, readOnly }: { readonly doc: Y.Doc; readonly readOnly: boolean }) {
  const quotes = useQuotes(doc)
  return (
    <div className="quotes">
      {quotes.length === 0 && <p className="muted">No quotes yet.</p>}
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
