import { addQuoteEntry, removeQuoteById, type SectionDefinition } from '@rapporteur/template'
import { useRef } from 'react'
import type * as Y from 'yjs'
import { FIELD_EDIT_ORIGIN } from './fields/fieldEditOrigin'
import { quoteIdForWrite } from './fields/quoteIdForWrite'
import { useFieldUndoKeys } from './fields/useFieldUndoKeys'
import { GuidanceText } from './GuidanceText'
import { QuoteEditor } from './QuoteEditor'
import { QuoteView } from './QuoteView'
import { useQuotes } from './useQuotes'

/**
 * The quotes section: the template's guidance for it (from the template data: how many quotes, the Chatham
 * House rule), then a structured list over the shared `quotes` array; readers see text + attribution. Quotes
 * waiting for consent are counted. Adding and removing quotes are undoable like typing (Ctrl+Z).
 */
export function QuotesSection({
  doc,
  undo,
  readOnly,
  section,
}: {
  readonly doc: Y.Doc
  readonly undo: Y.UndoManager
  readonly readOnly: boolean
  readonly section: SectionDefinition
}) {
  const quotes = useQuotes(doc)
  const container = useRef<HTMLDivElement>(null)
  const onKeyDown = useFieldUndoKeys(undo)
  const pending = quotes.filter(({ quote }) => quote.consent === 'pending').length
  const add = () => {
    undo.stopCapturing()
    addQuoteEntry(doc, {}, FIELD_EDIT_ORIGIN)
  }
  const remove = (entry: Y.Map<unknown>) => {
    undo.stopCapturing()
    removeQuoteById(doc, quoteIdForWrite(doc, entry), FIELD_EDIT_ORIGIN)
    undo.stopCapturing()
    // The button is gone with its quote: keep the focus in the section, where Ctrl+Z brings the quote back.
    container.current?.focus()
  }
  return (
    <div className="quotes" ref={container} tabIndex={-1} onKeyDown={readOnly ? undefined : onKeyDown}>
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
        {quotes.map(({ key, index, entry, quote }) =>
          readOnly ? (
            <QuoteView key={key} index={index} quote={quote} />
          ) : (
            <QuoteEditor key={key} doc={doc} undo={undo} index={index} entry={entry} quote={quote} onRemove={() => remove(entry)} />
          ),
        )}
      </ol>
      {!readOnly && (
        <button type="button" className="button" onClick={add}>
          Add a quote
        </button>
      )}
    </div>
  )
}
