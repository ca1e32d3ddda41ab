import { ApiError } from '../api/ApiError.js'

/** The formats a report is exported in. */
export type ExportFormat = 'md' | 'docx' | 'html'

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'docx', 'html']

/** `Content-Type` of each format. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
}

/** The `format` query parameter; 400 naming `format` when it is missing or not one of md, docx, html. */
export function readExportFormat(value: unknown): ExportFormat {
  if (typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat
  throw ApiError.invalidRequest(`format must be one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(value ?? null)}`)
}
