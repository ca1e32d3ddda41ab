import { useState, type FormEvent } from 'react'
import type { ConferenceEvent } from '../api/types'
import { rapporteurApi } from '../api/rapporteurApi'
import { ErrorNotice } from '../ui/ErrorNotice'
import { useSubmit } from '../ui/useSubmit'

/** Title + closing session date-time → a new event. */
export function CreateEventForm({ onCreated }: { readonly onCreated: (event: ConferenceEvent) => void }) {
  const [title, setTitle] = useState('')
  const [closingAt, setClosingAt] = useState('')
  const { pending, error, run } = useSubmit()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const closing = new Date(closingAt)
    if (!title.trim() || Number.isNaN(closing.getTime())) return
    void run(async () => {
      const created = await rapporteurApi.createEvent({ title: title.trim(), closingAt: closing.toISOString() })
      setTitle('')
      setClosingAt('')
      onCreated(created)
    })
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-event-title">
      <h2 id="create-event-title">New event</h2>
      <label className="field">
        <span>Title</span>
        <input name="title" value={title} maxLength={200} required onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span>Closing session (when reports are due)</span>
        <input
          name="closingAt"
          type="datetime-local"
          value={closingAt}
          required
          onChange={(event) => setClosingAt(event.target.value)}
        />
      </label>
      {error && <ErrorNotice error={error} title="The event was not created." />}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create event'}
      </button>
    </form>
  )
}
