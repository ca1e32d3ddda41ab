import { attributeQuote, updateQuote, type Quote, type QuoteConsent } from '@rapporteur/template'
import { useId } from 'react'
import type * as Y from 'yjs'
import { SharedTextField } from './SharedTextField'

const CONSENT_CHOICES: readonly { readonly value: QuoteConsent; readonly label: string }[] = [
  { value: 'anonymous', label: 'Anonymous' },
  { value: 'pending', label: 'Asking for approval' },
  { value: 'approved', label: 'Approved: name the speaker' },
]

type TextKey = 'text' | 'speaker' | 'affiliation' | 'description'

/** One quote: its words, who said it, and the Chatham House consent that decides how it is attributed. */
export function QuoteEditor({
  doc,
  index,
  quote,
  onRemove,
}: {
  readonly doc: Y.Doc
  readonly index: number
  readonly quote: Quote
  readonly onRemove: () => void
}) {
  const id = useId()
  const bind = (key: TextKey) => ({
    name: key,
    value: quote[key],
    onValueChange: (value: string) => updateQuote(doc, index, { [key]: value }),
    autoComplete: 'off',
  })

  return (
    <li className="quote" data-quote-index={index}>
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
      <fieldset className="quote__consent">
        <legend>Consent to name the speaker (Chatham House rule)</legend>
        {CONSENT_CHOICES.map((choice) => (
          <label key={choice.value} className="quote__choice">
            <input
              type="radio"
              name={`${id}-consent`}
              value={choice.value}
              checked={quote.consent === choice.value}
              onChange={() => updateQuote(doc, index, { consent: choice.value })}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p className="quote__attribution" data-attribution="">
        Will be attributed as: <strong>{attributeQuote(quote)}</strong>
        {quote.consent === 'pending' && <span className="muted"> (until approval is given)</span>}
      </p>
      <button type="button" className="button danger link" onClick={onRemove}>
        Remove quote
      </button>
    </li>
  )
}
