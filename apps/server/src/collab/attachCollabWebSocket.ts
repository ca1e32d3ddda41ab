import http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { CloseCode, silentLogger, type CollabServer, type Logger } from '@rapporteur/collab'
import { readDocumentName } from './readDocumentName.js'

export interface CollabWebSocketOptions {
  /** URL path under which documents are served, as `<path>/<documentName>`. Default: `'/collab'`. */
  path?: string
  /** Upgrades to a document this says does not exist are refused with HTTP 404. Default: every name exists. */
  documentExists?: (documentName: string) => boolean | Promise<boolean>
  /** Default: `silentLogger`. */
  logger?: Logger
  /** Milliseconds between pings; a socket that has not answered the previous one is terminated. Default: 15000. */
  pingIntervalMs?: number
}

export interface CollabWebSocket {
  /** Stops accepting upgrades and closes every collaboration socket as shutting down. */
  close(): Promise<void>
}

/** How long a closing socket may take to answer the close handshake before it is cut. */
const closeHandshakeMs = 1000

/**
 * Serves the collaboration server over WebSockets on an existing HTTP server: upgrades to
 * `<path>/<documentName>` become connections of `collab`; any other upgrade is answered 404.
 */
export function attachCollabWebSocket(
  httpServer: http.Server,
  collab: CollabServer,
  options: CollabWebSocketOptions = {},
): CollabWebSocket {
  const basePath = (options.path ?? '/collab').replace(/\/+$/, '')
  const documentExists = options.documentExists ?? (() => true)
  const logger = options.logger ?? silentLogger
  const webSocketServer = new WebSocketServer({ noServer: true })
  /** Open sockets and the document each serves. */
  const sockets = new Map<WebSocket, string>()
  const answeredPing = new WeakSet<WebSocket>()
  let closing = false

  const keepAlive = setInterval(() => {
    for (const [socket, documentName] of sockets) {
      if (!answeredPing.has(socket)) {
        logger.info('Terminating an unresponsive collaboration socket', { documentName })
        socket.terminate()
        continue
      }
      answeredPing.delete(socket)
      socket.ping()
    }
  }, options.pingIntervalMs ?? 15_000)
  keepAlive.unref()

  const accept = (socket: WebSocket, documentName: string, request: http.IncomingMessage): void => {
    socket.binaryType = 'arraybuffer'
    sockets.set(socket, documentName)
    answeredPing.add(socket)
    const connection = collab.handleConnection(
      {
        send: (data) => {
          if (socket.readyState === WebSocket.OPEN) socket.send(data)
        },
        close: (code, reason) => socket.close(code, reason),
      },
      documentName,
      request,
    )
    socket.on('message', (data: RawData, isBinary: boolean) => {
      answeredPing.add(socket)
      if (isBinary) connection.receive(toUint8Array(data))
      else connection.close(CloseCode.MessageInvalid, 'Text messages are not part of the protocol')
    })
    socket.on('pong', () => answeredPing.add(socket))
    socket.on('error', (error) => logger.warn('Collaboration socket error', { documentName, error }))
    socket.on('close', () => {
      sockets.delete(socket)
      connection.closed()
    })
  }

  const upgrade = async (request: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const onSocketError = (error: Error): void => logger.debug('Socket error during upgrade', { error })
    socket.on('error', onSocketError)
    const documentName = readDocumentName(request.url, basePath)
    if (documentName === null) return refuseUpgrade(socket, 404)
    if (closing) return refuseUpgrade(socket, 503)
    let exists: boolean
    try {
      exists = await documentExists(documentName)
    } catch (error) {
      logger.error('Could not check whether a document exists', { documentName, error })
      return refuseUpgrade(socket, 500)
    }
    if (!exists) return refuseUpgrade(socket, 404)
    if (closing) return refuseUpgrade(socket, 503)
    if (socket.destroyed) return
    webSocketServer.handleUpgrade(request, socket, head, (webSocket) => {
      socket.off('error', onSocketError)
      accept(webSocket, documentName, request)
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
      clearInterval(keepAlive)
      await Promise.all([...sockets.keys()].map(closeSocket))
      await new Promise<void>((resolve) => webSocketServer.close(() => resolve()))
    },
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const cut = setTimeout(() => socket.terminate(), closeHandshakeMs)
    socket.once('close', () => {
      clearTimeout(cut)
      resolve()
    })
    socket.close(CloseCode.ServerShuttingDown, 'Server is shutting down')
  })
}
