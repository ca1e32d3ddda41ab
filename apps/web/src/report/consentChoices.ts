import type { QuoteConsent } from '@rapporteur/template'

/** The three Chatham House consent states, as the quote editor offers them: anonymous first, the default. */
export const CONSENT_CHOICES: readonly { readonly value: QuoteConsent; readonly label: string; readonly explanation: string }[] = [
  {
    value: 'anonymous',
    label: 'Anonymous',
    explanation: 'The default. Shown as “Anonymous”, with the description if there is one.',
  },
  {
    value: 'pending',
    label: 'Consent pending',
    explanation: 'You asked for approval. Shown as “Anonymous” everywhere until it is approved.',
  },
  {
    value: 'approved',
    label: 'Approved',
    explanation: 'The speaker agreed: their name and affiliation are shown in exports, the compiled report and to the chair.',
  },
]

/** The flag a pending quote carries for rapporteurs and the chair. */
export const PENDING_FLAG = 'Consent pending — shown as Anonymous everywhere until approved'
