import { useRef, useState } from 'react'
import type { CreatedInvite } from '../api/types'
import { ROLE_LABELS } from '../session/Session'
import { copyText, type CopyOutcome } from './copyText'

const OUTCOME_TEXT: Record<CopyOutcome, string> = {
  copied: 'Copied. Send it to the person it is for.',
  selected: 'Selected: press Ctrl+C (⌘C on a Mac) to copy it.',
}

/** A just-created invite's sign-in URL: the only time it can be seen, so copying is one click. */
export function NewInviteLink({ invite, onDismiss }: { readonly invite: CreatedInvite; readonly onDismiss: () => void }) {
  const field = useRef<HTMLInputElement>(null)
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null)
  const copy = async () => {
    if (field.current !== null) setOutcome(await copyText(field.current))
  }
  return (
    <div className="new-invite" data-new-invite={invite.id}>
      <p className="new-invite__title">
        <strong>{ROLE_LABELS[invite.role]} link{invite.label ? ` for ${invite.label}` : ''}</strong> — copy it now: it
        is shown only once.
      </p>
      <div className="new-invite__row">
        <input
          ref={field}
          readOnly
          value={invite.url}
          aria-label="Invite link"
          data-invite-url=""
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button primary" data-copy-invite="" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          Done
        </button>
      </div>
      {outcome && (
        <p className="new-invite__outcome muted" role="status" data-copy-outcome={outcome}>
          {OUTCOME_TEXT[outcome]}
        </p>
      )}
    </div>
  )
}
