import type { RequestHandler } from 'express'
import { canReadEvent } from '../auth/canReadEvent.js'
import { ApiError } from '../api/ApiError.js'
import { requestPrincipal } from '../api/authenticate.js'
import type { ReportMonitor } from './ReportMonitor.js'
import type { RoundtableStatus } from '@rapporteur/template'

export interface FeedRouteOptions {
  readonly monitor: ReportMonitor
  /** Milliseconds between `: keepalive` comments. Default 15 000. */
  readonly keepaliveMs?: number
}

/**
 * `GET /events/:eventId/feed`: the event's roundtable statuses as Server-Sent Events — `snapshot` first, then
 * `roundtable` for each change. Runs after `authenticate` (header or `?token=`); the organizer and the event's
 * chair only, refused as JSON before the stream starts. A slow reader gets only each roundtable's latest status.
 */
export function feedRoute({ monitor, keepaliveMs = 15_000 }: FeedRouteOptions): RequestHandler {
  return async (request, response) => {
    const eventId = String(request.params.eventId)
    const principal = requestPrincipal(response)
    if (!canReadEvent(principal, eventId)) {
      throw ApiError.forbidden('This invite does not give access to this event')
    }
    let closed = false
    let started = false
    /** Statuses waiting for the snapshot to be written, or for the socket to drain; latest per roundtable. */
    const waiting = new Map<string, RoundtableStatus>()
    const writeStatus = (status: RoundtableStatus): void => {
      response.write(`event: roundtable\ndata: ${JSON.stringify(status)}\n\n`)
    }
    const writeWaiting = (): void => {
      for (const status of waiting.values()) {
        waiting.delete(status.id)
        writeStatus(status)
        if (response.writableNeedDrain) return
      }
    }
    const subscription = await monitor.subscribe(eventId, {
      principal,
      send: (status) => {
        if (closed) return
        if (!started || response.writableNeedDrain || waiting.size > 0) {
          waiting.delete(status.id)
          waiting.set(status.id, status)
          return
        }
        writeStatus(status)
      },
      end: () => response.end(),
    })
    if (subscription === undefined) throw ApiError.notFound(`No event with id "${eventId}"`)
    const keepalive = setInterval(() => response.write(': keepalive\n\n'), keepaliveMs)
    const stop = (): void => {
      if (closed) return
      closed = true
      clearInterval(keepalive)
      subscription.unsubscribe()
    }
    response.on('close', stop)
    if (request.socket.destroyed) {
      stop()
      return
    }
    response.status(200)
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
    response.setHeader('Cache-Control', 'no-cache')
    response.setHeader('Connection', 'keep-alive')
    response.setHeader('X-Accel-Buffering', 'no')
    response.flushHeaders()
    response.write(`event: snapshot\ndata: ${JSON.stringify(subscription.snapshot)}\n\n`)
    started = true
    response.on('drain', writeWaiting)
    writeWaiting()
  }
}
