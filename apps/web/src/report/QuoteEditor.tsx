import { attributeQuote, QUOTE_TEXT_FIELDS, updateQuoteById, type QuoteEntry, type QuoteTextField } from '@rapporteur/template'
import { useId, useMemo } from 'react'
import type * as Y from 'yjs'
import { CONSENT_CHOICES } from './consentChoices'
import { FIELD_EDIT_ORIGIN } from './fields/fieldEditOrigin'
import { quoteFieldSource } from './fields/quoteFieldSource'
import { quoteIdForWrite } from './fields/quoteIdForWrite'
import { PendingConsentFlag } from './PendingConsentFlag'
import { SharedTextField } from './SharedTextField'

/**
 * One quote: its words, who said it, and the Chatham House consent that decides how it is attributed. Every
 * write addresses the quote by its id: if it was removed meanwhile, the write changes nothing.
 */
export function QuoteEditor({
  doc,
  undo,
  index,
  entry,
  quote,
  onRemove,
}: {
  readonly doc: Y.Doc
  readonly undo: Y.UndoManager
  readonly index: number
  readonly entry: Y.Map<unknown>
  readonly quote: QuoteEntry
  readonly onRemove: () => void
}) {
  const id = useId()
  const sources = useMemo(
    () => new Map(QUOTE_TEXT_FIELDS.map((key) => [key, quoteFieldSource(doc, entry, key)])),
    [doc, entry],
  )
  const bind = (key: QuoteTextField) => ({ name: key, source: sources.get(key)!, undo, autoComplete: 'off' })
  const setConsent = (consent: QuoteEntry['consent']) => {
    undo.stopCapturing()
    updateQuoteById(doc, quoteIdForWrite(doc, entry), { consent }, FIELD_EDIT_ORIGIN)
  }

  return (
    <li className={`quote quote--${quote.consent}`} data-quote-index={index} data-quote-id={quote.id} data-consent={quote.consent}>
      {quote.consent === 'pending' && <PendingConsentFlag />}
      <label className="field">
        <span>Quote</span>
        <SharedTextField multiline rows={3} placeholder="“…”" {...bind('text')} />
      </label>
      <div className="quote__row">
        <label className="field">
          <span>Speaker</span>
          <SharedTextField placeholder="Name" {...bind('speaker')} />
        </label>
        <label className="field">
          <span>Affiliation</span>
          <SharedTextField placeholder="Organisation" {...bind('affiliation')} />
        </label>
      </div>
      <label className="field">
        <span>Description (always shown, never identifying)</span>
        <SharedTextField placeholder="e.g. South-Asian country" {...bind('description')} />
      </label>
      <fieldset className="quote__consent" aria-describedby={`${id}-consent-rule`}>
        <legend>Consent to name the speaker (Chatham House rule)</legend>
        <p id={`${id}-consent-rule`} className="quote__consent-rule">
          Only <strong>Approved</strong> shows the speaker’s name or affiliation anywhere outside this editor.
        </p>
        {CONSENT_CHOICES.map((choice) => (
          <label key={choice.value} className="quote__choice" data-consent-choice={choice.value}>
            <input
              type="radio"
              name={`${id}-consent`}
              value={choice.value}
              checked={quote.consent === choice.value}
              onChange={() => setConsent(choice.value)}
            />
            <span>
              <strong>{choice.label}</strong> <span className="muted">{choice.explanation}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="quote__attribution" data-attribution="">
        Will be attributed as: <strong>{attributeQuote(quote)}</strong>
      </p>
      <button type="button" className="button danger link" onClick={onRemove}>
        Remove quote
      </button>
    </li>
  )
}
