import type { TemplateDefinition } from '@rapporteur/template'
import { useState } from 'react'
import { useApiResource } from '../api/useApiResource'
import { ErrorNotice } from '../ui/ErrorNotice'
import { formatDateTime } from '../ui/formatDateTime'
import { useSubmit } from '../ui/useSubmit'
import { VERSION_KIND_LABELS, type VersionSummary } from './ReportVersion'
import { VersionContentView } from './VersionContentView'
import { versionsApi } from './versionsApi'

interface VersionViewerProps {
  readonly roundtableId: string
  readonly version: VersionSummary
  readonly template: TemplateDefinition
  /** Writers may restore it (after confirming). */
  readonly canRestore: boolean
  readonly userName: string
  readonly onClose: () => void
  /** After a restore: the list has a new `restore` version. */
  readonly onRestored: () => void
}

/** One version, read only, with "Restore this version" (confirmed first) for writers. */
export function VersionViewer({ roundtableId, version, template, canRestore, userName, onClose, onRestored }: VersionViewerProps) {
  const { resource } = useApiResource(`version:${roundtableId}:${version.id}`, (signal) =>
    versionsApi.get(roundtableId, version.id, signal),
  )
  const [confirming, setConfirming] = useState(false)
  const [restored, setRestored] = useState(false)
  const restore = useSubmit()

  const confirmRestore = () =>
    restore.run(async () => {
      await versionsApi.restore(roundtableId, version.id, userName)
      setConfirming(false)
      setRestored(true)
      onRestored()
    })

  return (
    <div className="version-viewer" role="dialog" aria-label={`Version: ${version.name}`} data-version-viewer={version.id}>
      <header className="version-viewer__header">
        <div>
          <h2>{version.name}</h2>
          <p className="muted">
            {VERSION_KIND_LABELS[version.kind]} · {formatDateTime(version.createdAt)} · {version.createdBy}
          </p>
        </div>
        <button type="button" className="button" onClick={onClose} data-version-close="">
          Close
        </button>
      </header>
      {canRestore && !restored && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)} data-version-restore="">
          Restore this version
        </button>
      )}
      {confirming && (
        <div className="notice" role="alertdialog" aria-label="Confirm restore" data-version-restore-confirm="">
          <p>
            The report will be changed back to this version for everyone editing it. Its current state is kept as a
            version first, so this can be undone.
          </p>
          <button type="button" className="button danger" disabled={restore.pending} onClick={() => void confirmRestore()} data-version-restore-yes="">
            {restore.pending ? 'Restoring…' : 'Yes, restore it'}
          </button>{' '}
          <button type="button" className="button" disabled={restore.pending} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {restored && (
        <p className="notice" role="status" data-version-restored="">
          Restored. The report now holds this version’s content.
        </p>
      )}
      {restore.error && <ErrorNotice error={restore.error} title="Could not restore this version." />}
      {resource.status === 'loading' && <p className="muted">Loading the version…</p>}
      {resource.status === 'error' && <ErrorNotice error={resource.error} title="Could not load this version." />}
      {resource.status === 'ready' && <VersionContentView content={resource.data.content} template={template} />}
    </div>
  )
}
