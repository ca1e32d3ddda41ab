import { requestJson } from '../api/requestJson'
import type { VersionSummary, VersionWithContent } from './ReportVersion'

const versionsPath = (roundtableId: string): string => `/api/roundtables/${encodeURIComponent(roundtableId)}/versions`

/** The versions routes of the API (see docs/API.md), with the stored token. */
export const versionsApi = {
  async list(roundtableId: string, signal?: AbortSignal): Promise<readonly VersionSummary[]> {
    const body = await requestJson<{ versions: VersionSummary[] }>(versionsPath(roundtableId), { signal })
    return body.versions
  },
  get(roundtableId: string, versionId: string, signal?: AbortSignal): Promise<VersionWithContent> {
    return requestJson(`${versionsPath(roundtableId)}/${encodeURIComponent(versionId)}`, { signal })
  },
  save(roundtableId: string, name: string, author: string): Promise<VersionSummary> {
    return requestJson(versionsPath(roundtableId), { method: 'POST', body: { name, author } })
  },
  async restore(roundtableId: string, versionId: string, author: string): Promise<void> {
    await requestJson(`${versionsPath(roundtableId)}/${encodeURIComponent(versionId)}/restore`, {
      method: 'POST',
      body: { author },
    })
  },
} as const
