import type { TemplateDefinition } from '@rapporteur/template'
import { useState, type FormEvent } from 'react'
import { useApiResource } from '../api/useApiResource'
import { ErrorNotice } from '../ui/ErrorNotice'
import { formatDateTime } from '../ui/formatDateTime'
import { useSubmit } from '../ui/useSubmit'
import { VERSION_KIND_LABELS, type VersionSummary } from './ReportVersion'
import { VersionViewer } from './VersionViewer'
import { versionsApi } from './versionsApi'
import './versions.css'

interface VersionsPanelProps {
  readonly roundtableId: string
  readonly template: TemplateDefinition
  /** Rapporteurs and the organizer save and restore versions; everyone else only lists and views them. */
  readonly canWrite: boolean
  /** Recorded as the author of what this page saves or restores. */
  readonly userName: string
}

/** The report's versions: the list (kind, time, author), "Save a version" and, per version, "View". */
export function VersionsPanel({ roundtableId, template, canWrite, userName }: VersionsPanelProps) {
  const { resource, reload } = useApiResource(`versions:${roundtableId}`, (signal) => versionsApi.list(roundtableId, signal))
  const [name, setName] = useState('')
  const [viewing, setViewing] = useState<VersionSummary | null>(null)
  const save = useSubmit()

  const onSave = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed === '') return
    void save.run(async () => {
      await versionsApi.save(roundtableId, trimmed, userName)
      setName('')
      reload()
    })
  }

  return (
    <section className="versions-panel" aria-label="Versions" data-versions-panel="">
      <h2 className="versions-panel__title">Versions</h2>
      {canWrite && (
        <form className="versions-panel__save" onSubmit={onSave}>
          <label>
            <span className="visually-hidden">Version name</span>
            <input
              value={name}
              maxLength={200}
              placeholder="Name, e.g. Before the break"
              onChange={(event) => setName(event.target.value)}
              data-version-name=""
            />
          </label>
          <button type="submit" className="button" disabled={save.pending || name.trim() === ''} data-version-save="">
            Save a version
          </button>
        </form>
      )}
      {save.error && <ErrorNotice error={save.error} title="Could not save a version." />}
      <button type="button" className="button link" onClick={reload} data-versions-refresh="">
        Refresh
      </button>
      {resource.status === 'loading' && <p className="muted">Loading versions…</p>}
      {resource.status === 'error' && <ErrorNotice error={resource.error} title="Could not load the versions." />}
      {resource.status === 'ready' &&
        (resource.data.length === 0 ? (
          <p className="muted">No versions yet.</p>
        ) : (
          <ul className="versions-panel__list">
            {resource.data.map((version) => (
              <li key={version.id} data-version={version.id} data-version-kind={version.kind}>
                <span className="versions-panel__name">{version.name}</span>
                <span className="muted versions-panel__detail">
                  {VERSION_KIND_LABELS[version.kind]} · {formatDateTime(version.createdAt)} · {version.createdBy}
                </span>
                <button type="button" className="button link" onClick={() => setViewing(version)} data-version-view="">
                  View
                </button>
              </li>
            ))}
          </ul>
        ))}
      {viewing !== null && (
        <VersionViewer
          key={viewing.id}
          roundtableId={roundtableId}
          version={viewing}
          template={template}
          canRestore={canWrite}
          userName={userName}
          onClose={() => setViewing(null)}
          onRestored={reload}
        />
      )}
    </section>
  )
}
