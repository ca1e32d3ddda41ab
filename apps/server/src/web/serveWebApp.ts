import path from 'node:path'
import express from 'express'
import type { Request, Response, Router } from 'express'

/** Paths the web app never answers: they belong to the API, the WebSocket and the health check. */
const RESERVED = /^\/(api|collab|healthz)(\/|$)/

export interface WebAppOptions {
  /** Directory of the built web app, holding `index.html`. */
  readonly webDist: string
}

/**
 * Serves the built web app: its static files, and `index.html` for client-side routes such as
 * `/report/<id>`. While the web app is not built, answers a short page saying how to build it.
 */
export function serveWebApp(options: WebAppOptions): Router {
  const indexFile = path.join(options.webDist, 'index.html')
  const router = express.Router()
  router.use(express.static(options.webDist, { index: false, fallthrough: true }))
  router.use((request, response, next) => {
    const readable = request.method === 'GET' || request.method === 'HEAD'
    if (!readable || RESERVED.test(request.path) || !isClientRoute(request)) {
      next()
      return
    }
    response.setHeader('Cache-Control', 'no-cache')
    response.sendFile(indexFile, (error) => {
      if (error !== undefined && !response.headersSent) sendBuildMissingPage(response)
    })
  })
  return router
}

/** A route the client renders: its last segment is not a file name. */
function isClientRoute(request: Request): boolean {
  const lastSegment = request.path.split('/').pop() ?? ''
  return !lastSegment.includes('.')
}

function sendBuildMissingPage(response: Response): void {
  response
    .status(503)
    .type('html')
    .send(
      '<!doctype html><meta charset="utf-8"><title>Rapporteur</title>' +
        '<h1>Rapporteur</h1><p>The web app is not built yet. Run <code>pnpm build</code> at the repository root, then reload.</p>',
    )
}
