import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { CloseCode, silentLogger, type CollabServer, type Logger } from '@rapporteur/collab'
import { AttemptRateLimiter } from '../http/AttemptRateLimiter.js'
import { isOriginAllowed } from '../http/isOriginAllowed.js'
import { rateLimitKey } from '../http/rateLimitKey.js'
import type { ConnectionDecision } from './ConnectionDecision.js'
import { closeWebSocket } from './closeWebSocket.js'
import { KeepAlive } from './KeepAlive.js'
import { readDocumentName } from './readDocumentName.js'
import { readDurableParam } from './readDurableParam.js'
import { refuseUpgrade } from './refuseUpgrade.js'
import { TickCorker } from './TickCorker.js'
import { toUint8Array } from './toUint8Array.js'
import { underlyingSocket } from './underlyingSocket.js'
import { writeBinaryFrame } from './writeBinaryFrame.js'

export interface CollabWebSocketOptions {
  /** URL path under which documents are served, as `<path>/<documentName>`. Default: `'/collab'`. */
  path?: string
  /** Upgrades to a document this says does not exist are refused with HTTP 404. Default: every name exists. */
  documentExists?: (documentName: string) => boolean | Promise<boolean>
  /**
   * Decides who may connect to an existing document, and whether read-only. A refusal is sent as a close
   * code right after the upgrade. Default: everyone, with write access, the upgrade request as context.
   */
  authorize?: (request: http.IncomingMessage, documentName: string) => ConnectionDecision | Promise<ConnectionDecision>
  /**
   * Browser origins allowed besides the server's own (the request's `Host`); others are refused with HTTP 403.
   * Upgrades without an `Origin` header (non-browser clients) are allowed. Default: every origin.
   */
  allowedOrigins?: readonly string[]
  /** Upgrade attempts per minute from one remote address (IPv6: one /64); past it, HTTP 429. Default: no limit. */
  maxConnectionAttemptsPerMinute?: number
  /**
   * The core's message limit. Frames more than 64 KiB over it are cut by `ws` itself (close code 1009) before
   * being buffered whole; those in between reach the core, which closes with its own code. Default: `ws`'s 100 MiB.
   */
  maxMessageBytes?: number
  /** Default: `silentLogger`. */
  logger?: Logger
  /** Milliseconds between pings; a socket that has not answered the previous one is terminated. Default: 15000. */
  pingIntervalMs?: number
}

export interface CollabWebSocket {
  /** Stops accepting upgrades and closes every collaboration socket as shutting down. */
  close(): Promise<void>
}

/** Bytes a frame may exceed `maxMessageBytes` by and still reach the core (which answers with its close code). */
const maxPayloadSlackBytes = 64 * 1024

/**
 * Serves the collaboration server over WebSockets on an existing HTTP server. An upgrade to
 * `<path>/<documentName>` is checked in this order: path (404), `Origin` (403), attempts from its address (429),
 * document exists (404), `authorize` (close code after the upgrade); then it becomes a connection of `collab`,
 * with durability acknowledgements when the URL asks for them (`durable=1`).
 * Every refusal is logged once, with its reason, never with the request URL (which holds the token).
 */
export function attachCollabWebSocket(
  httpServer: http.Server,
  collab: CollabServer,
  options: CollabWebSocketOptions = {},
): CollabWebSocket {
  const basePath = (options.path ?? '/collab').replace(/\/+$/, '')
  const documentExists = options.documentExists ?? (() => true)
  const authorize = options.authorize ?? ((request): ConnectionDecision => ({ allow: true, context: request }))
  const logger = options.logger ?? silentLogger
  const attempts =
    options.maxConnectionAttemptsPerMinute === undefined
      ? null
      : new AttemptRateLimiter({ perMinute: options.maxConnectionAttemptsPerMinute })
  const webSocketServer = new WebSocketServer({
    noServer: true,
    ...(options.maxMessageBytes === undefined ? {} : { maxPayload: options.maxMessageBytes + maxPayloadSlackBytes }),
  })
  const corker = new TickCorker()
  /** Open sockets and the document each serves. */
  const sockets = new Map<WebSocket, string>()
  /** Sockets refused after the upgrade, until their close handshake ends. */
  const refusedSockets = new Set<Promise<void>>()
  let closing = false

  const keepAlive = new KeepAlive(options.pingIntervalMs ?? 15_000, (socket) => {
    logger.info('Terminating an unresponsive collaboration socket', { documentName: sockets.get(socket) })
    socket.terminate()
  })

  const accept = (
    socket: WebSocket,
    documentName: string,
    context: unknown,
    options: { readOnly: boolean; durableAcks: boolean; limitKey?: string },
  ): void => {
    socket.binaryType = 'arraybuffer'
    const rawSocket = underlyingSocket(socket)
    // Frames are written straight to the TCP socket unless an extension (none is offered) changed their format.
    const writesFrames = rawSocket !== undefined && socket.extensions === ''
    sockets.set(socket, documentName)
    keepAlive.add(socket)
    const connection = collab.handleConnection(
      {
        send: (data) => {
          if (socket.readyState !== WebSocket.OPEN) return
          if (rawSocket !== undefined) corker.hold(rawSocket)
          if (writesFrames) writeBinaryFrame(rawSocket, data)
          else socket.send(data)
        },
        close: (code, reason) => socket.close(code, reason),
        // Set once a close frame came or went: the same client reconnecting may take over its client ids.
        get closing() {
          return socket.readyState !== WebSocket.OPEN
        },
      },
      documentName,
      context,
      options,
    )
    socket.on('message', (data: RawData, isBinary: boolean) => {
      keepAlive.answered(socket)
      if (isBinary) connection.receive(toUint8Array(data))
      else connection.close(CloseCode.MessageInvalid, 'Text messages are not part of the protocol')
    })
    socket.on('pong', () => keepAlive.answered(socket))
    socket.on('error', (error) => logger.warn('Collaboration socket error', { documentName, error }))
    socket.on('close', () => {
      sockets.delete(socket)
      keepAlive.remove(socket)
      connection.closed()
    })
  }

  const refuseAfterUpgrade = (socket: WebSocket, documentName: string, code: number, reason: string): void => {
    socket.on('error', (error) => logger.debug('Error on a refused collaboration socket', { documentName, error }))
    const closed = closeWebSocket(socket, code, reason)
    refusedSockets.add(closed)
    void closed.then(() => refusedSockets.delete(closed))
  }

  const upgrade = async (request: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const onSocketError = (error: Error): void => logger.debug('Socket error during upgrade', { error })
    socket.on('error', onSocketError)
    const refuse = (status: number, reason: string, fields: Record<string, unknown> = {}): void => {
      const level = status === 403 || status === 429 ? 'warn' : 'info'
      logger[level]('Collaboration upgrade refused', { status, reason, ...fields })
      refuseUpgrade(socket, status)
    }
    const documentName = readDocumentName(request.url, basePath)
    if (documentName === null) return refuse(404, 'not a collaboration path')
    if (closing) return refuse(503, 'server is shutting down', { documentName })
    const origin = request.headers.origin
    if (options.allowedOrigins !== undefined && !isOriginAllowed(origin, request.headers.host, options.allowedOrigins)) {
      return refuse(403, 'origin not allowed', { documentName, origin })
    }
    const address = rateLimitKey(request.socket.remoteAddress)
    if (attempts !== null && !attempts.tryAttempt(address)) {
      return refuse(429, 'too many connection attempts', { documentName, address })
    }
    let decision: ConnectionDecision
    try {
      if (!(await documentExists(documentName))) return refuse(404, 'unknown document', { documentName })
      decision = await authorize(request, documentName)
    } catch (error) {
      logger.error('Could not check a collaboration upgrade', { documentName, error })
      return refuseUpgrade(socket, 500)
    }
    if (closing) return refuse(503, 'server is shutting down', { documentName })
    if (socket.destroyed) return
    webSocketServer.handleUpgrade(request, socket, head, (webSocket) => {
      socket.off('error', onSocketError)
      if (decision.allow) {
        accept(webSocket, documentName, decision.context, {
          readOnly: decision.readOnly === true,
          durableAcks: readDurableParam(request.url),
          ...(decision.limitKey === undefined ? {} : { limitKey: decision.limitKey }),
        })
        return
      }
      logger.info('Collaboration connection refused', {
        documentName,
        code: decision.code,
        reason: decision.reason,
        ...decision.logFields,
      })
      refuseAfterUpgrade(webSocket, documentName, decision.code, decision.reason)
    })
  }
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    void upgrade(request, socket, head)
  }
  httpServer.on('upgrade', onUpgrade)

  return {
    async close() {
      closing = true
      httpServer.off('upgrade', onUpgrade)
      keepAlive.close()
      const open = [...sockets.keys()]
      await Promise.all(open.map((socket) => closeWebSocket(socket, CloseCode.ServerShuttingDown, 'Server is shutting down')))
      await Promise.all(refusedSockets)
      await new Promise<void>((resolve) => webSocketServer.close(() => resolve()))
    },
  }
}
