import { defaultTemplateId, listTemplates } from '@rapporteur/template'
import { useState, type FormEvent } from 'react'
import { rapporteurApi } from '../api/rapporteurApi'
import type { Roundtable } from '../api/types'
import { ErrorNotice } from '../ui/ErrorNotice'
import { useSubmit } from '../ui/useSubmit'

/** Title (+ template when there is a choice) → a new roundtable with an empty report. */
export function CreateRoundtableForm({
  eventId,
  onCreated,
}: {
  readonly eventId: string
  readonly onCreated: (roundtable: Roundtable) => void
}) {
  const templates = listTemplates()
  const [title, setTitle] = useState('')
  const [templateId, setTemplateId] = useState(defaultTemplateId)
  const { pending, error, run } = useSubmit()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!title.trim()) return
    void run(async () => {
      const created = await rapporteurApi.createRoundtable(eventId, { title: title.trim(), templateId })
      setTitle('')
      onCreated(created)
    })
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-roundtable-title">
      <h2 id="create-roundtable-title">New roundtable</h2>
      <label className="field">
        <span>Title</span>
        <input name="title" value={title} maxLength={200} required onChange={(event) => setTitle(event.target.value)} />
      </label>
      {templates.length > 1 && (
        <label className="field">
          <span>Report template</span>
          <select name="templateId" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && <ErrorNotice error={error} title="The roundtable was not created." />}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create roundtable'}
      </button>
    </form>
  )
}
