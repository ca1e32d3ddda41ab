import { useId, useState, type FormEvent } from 'react'
import { MAX_DISPLAY_NAME_LENGTH, normalizeDisplayName, saveDisplayName } from './displayNameStore'

interface NamePromptProps {
  readonly initialName?: string
  /** Shown when the name is first asked for; the inline variant (changing the name) has none. */
  readonly heading?: string
  readonly submitLabel: string
  readonly onDone?: () => void
}

/** Asks for the name shown to co-authors next to carets and in the "who is here" list. */
export function NamePrompt({ initialName = '', heading, submitLabel, onDone }: NamePromptProps) {
  const [name, setName] = useState(initialName)
  const inputId = useId()
  const normalized = normalizeDisplayName(name)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!normalized) return
    saveDisplayName(normalized)
    onDone?.()
  }

  return (
    <form className={heading ? 'name-prompt card' : 'name-prompt name-prompt--inline'} onSubmit={submit}>
      {heading && <h2>{heading}</h2>}
      {heading && (
        <p className="muted">
          It labels your cursor and appears in the list of people on this report. It is remembered on this device.
        </p>
      )}
      <label className="field" htmlFor={inputId}>
        <span>Your name</span>
      </label>
      <div className="name-prompt__row">
        <input
          id={inputId}
          name="displayName"
          value={name}
          maxLength={MAX_DISPLAY_NAME_LENGTH}
          autoComplete="name"
          autoFocus
          required
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button primary" disabled={!normalized}>
          {submitLabel}
        </button>
        {onDone && !heading && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
