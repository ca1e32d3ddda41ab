import type { DocumentStore, Logger } from '@rapporteur/collab'
import {
  getTemplate,
  readReportContent,
  readReportReady,
  type ReportContent,
  type ReportReadiness,
  type TemplateDefinition,
} from '@rapporteur/template'
import * as Y from 'yjs'
import { createId } from '../storage/createId.js'
import { loadReportDoc } from './loadReportDoc.js'
import { restoreUpdate } from './restoreUpdate.js'
import type { SqliteVersions } from './SqliteVersions.js'
import type { VersionKind, VersionRecord, VersionSummary } from './VersionRecord.js'

export interface ReportVersionsOptions {
  readonly versions: SqliteVersions
  /** Where reports nobody has open are read from. */
  readonly documentStore: Pick<DocumentStore, 'load'>
  /** The open (live) document of a report, if it is open. Read only. */
  readonly openDocument: (roundtableId: string) => Y.Doc | undefined
  /** Writes one server-side change into a report (relayed to every connected editor, stored). */
  readonly applyServerUpdate: (roundtableId: string, update: Uint8Array) => Promise<void>
  readonly logger: Logger
  readonly now?: () => Date
}

export interface TakeVersionInput {
  readonly name: string
  readonly kind: VersionKind
  readonly createdBy: string
}

/** A report's template, named by its roundtable. */
export interface ReportOf {
  readonly id: string
  readonly templateId: string
}

/** Takes, reads and restores the named versions of reports. */
export class ReportVersions {
  private readonly options: ReportVersionsOptions
  private readonly now: () => Date

  constructor(options: ReportVersionsOptions) {
    this.options = options
    this.now = options.now ?? (() => new Date())
  }

  list(roundtableId: string): VersionSummary[] {
    return this.options.versions.list(roundtableId)
  }

  get(roundtableId: string, versionId: string): VersionRecord | undefined {
    return this.options.versions.get(roundtableId, versionId)
  }

  /** Keeps the report's state now as a version. */
  async take(roundtableId: string, input: TakeVersionInput): Promise<VersionSummary> {
    const doc = await loadReportDoc(roundtableId, this.options.openDocument, this.options.documentStore)
    try {
      return this.record(roundtableId, Y.encodeStateAsUpdate(doc), input)
    } finally {
      doc.destroy()
    }
  }

  /**
   * An automatic version, unless the report has not changed since its latest version (same items, same
   * deletions): undefined then.
   */
  async takeIfChanged(roundtableId: string, input: TakeVersionInput): Promise<VersionSummary | undefined> {
    const doc = await loadReportDoc(roundtableId, this.options.openDocument, this.options.documentStore)
    try {
      const latest = this.options.versions.latest(roundtableId)
      if (latest !== undefined && sameState(latest, doc)) return undefined
      return this.record(roundtableId, Y.encodeStateAsUpdate(doc), input)
    } finally {
      doc.destroy()
    }
  }

  /** The report as it is now (the open document, else the stored one): its content and its readiness. */
  async current(report: ReportOf): Promise<{ content: ReportContent; ready: ReportReadiness | null }> {
    const template = templateOf(report)
    const doc = await loadReportDoc(report.id, this.options.openDocument, this.options.documentStore)
    try {
      return { content: readReportContent(doc, template), ready: readReportReady(doc) }
    } finally {
      doc.destroy()
    }
  }

  /** The version's content as the report's template reads it. */
  content(version: VersionRecord, template: TemplateDefinition): ReportContent {
    const doc = versionDoc(version)
    try {
      return readReportContent(doc, template)
    } finally {
      doc.destroy()
    }
  }

  /**
   * Makes the report's content equal to the version's as ONE new change every connected editor receives.
   * First keeps the report as it is now as a `restore` version, so the restore can itself be undone.
   */
  async restore(report: ReportOf, version: VersionRecord, createdBy: string): Promise<VersionSummary> {
    const template = templateOf(report)
    const current = await loadReportDoc(report.id, this.options.openDocument, this.options.documentStore)
    const restored = versionDoc(version)
    try {
      const before = this.record(report.id, Y.encodeStateAsUpdate(current), {
        name: `Before restoring “${version.name}”`,
        kind: 'restore',
        createdBy,
      })
      const update = restoreUpdate(current, restored, template)
      await this.options.applyServerUpdate(report.id, update)
      this.options.logger.info('Restored a report version', { roundtableId: report.id, versionId: version.id })
      return before
    } finally {
      current.destroy()
      restored.destroy()
    }
  }

  private record(roundtableId: string, state: Uint8Array, input: TakeVersionInput): VersionSummary {
    const version: VersionRecord = {
      id: createId(),
      roundtableId,
      name: input.name,
      kind: input.kind,
      createdAt: this.now().toISOString(),
      createdBy: input.createdBy,
      state,
    }
    this.options.versions.add(version)
    this.options.logger.info('Took a report version', { roundtableId, versionId: version.id, kind: version.kind })
    const { state: _state, roundtableId: _roundtableId, ...summary } = version
    return summary
  }
}

/** The template of a report; an unknown one cannot be read or restored. */
export function templateOf(report: ReportOf): TemplateDefinition {
  const template = getTemplate(report.templateId)
  if (template === undefined) throw new Error(`Roundtable ${report.id} uses the unknown template "${report.templateId}"`)
  return template
}

function versionDoc(version: VersionRecord): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, version.state)
  return doc
}

/** Whether the document holds exactly the version's state: the same items and the same deletions. */
function sameState(version: VersionRecord, doc: Y.Doc): boolean {
  const earlier = versionDoc(version)
  try {
    return Y.equalSnapshots(Y.snapshot(earlier), Y.snapshot(doc))
  } finally {
    earlier.destroy()
  }
}
