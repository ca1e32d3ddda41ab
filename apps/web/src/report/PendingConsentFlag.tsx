import { PENDING_FLAG } from './consentChoices'

/** The clear mark of a quote whose speaker was asked for approval and has not given it yet. */
export function PendingConsentFlag() {
  return (
    <p className="quote__pending" role="note" data-consent-flag="pending">
      {PENDING_FLAG}
    </p>
  )
}
