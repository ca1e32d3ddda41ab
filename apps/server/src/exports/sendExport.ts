import type { Response } from 'express'
import { slugify } from '@rapporteur/template'
import { EXPORT_CONTENT_TYPES, type ExportFormat } from './ExportFormat.js'

/**
 * Answers with an exported file: its Content-Type, and `Content-Disposition` naming `<slug>.<ext>`
 * (`attachment`, except HTML which opens `inline` for the browser's print).
 */
export function sendExport(response: Response, format: ExportFormat, name: string, body: string | Buffer): void {
  const disposition = format === 'html' ? 'inline' : 'attachment'
  response.set('Content-Type', EXPORT_CONTENT_TYPES[format])
  response.set('Content-Disposition', `${disposition}; filename="${slugify(name)}.${format}"`)
  response.set('Cache-Control', 'no-store')
  response.set('X-Content-Type-Options', 'nosniff')
  response.send(body)
}
