import { CloseCode } from '@rapporteur/collab'

/** What to tell the person when the server closed the report's connection for good. */
export interface CloseMessage {
  readonly title: string
  readonly detail: string
}

const RELOAD = 'Changes made since then are only in this tab. Reload the page to connect again.'

const MESSAGES: Readonly<Record<number, CloseMessage>> = {
  [CloseCode.Unauthorized]: {
    title: 'Your invite link is no longer valid',
    detail: 'It has expired or is not known to the server. Sign in with your invite link, or ask the organisers for a new one.',
  },
  [CloseCode.Forbidden]: {
    title: 'You don’t have access to this report',
    detail: 'Your invite link is for another report or event.',
  },
  [CloseCode.AccessRevoked]: {
    title: 'Your invite was revoked',
    detail: 'The organisers revoked the link you signed in with, so this report is closed to you. Ask them for a new link.',
  },
  [CloseCode.MessageTooLarge]: {
    title: 'A change was too large to send',
    detail: `The server refused it, and the report there is unchanged. ${RELOAD}`,
  },
  [CloseCode.DocumentTooLarge]: {
    title: 'This report has reached its size limit',
    detail: `The server refused the last change. ${RELOAD}`,
  },
  [CloseCode.RateLimited]: {
    title: 'Too many changes too quickly',
    detail: `The server paused this connection. ${RELOAD}`,
  },
  [CloseCode.ClientIdTaken]: {
    title: 'Another connection to this report uses this page’s identity',
    detail: `Another open copy of this report (often a duplicated tab) sends changes under the same client id, so the server refused this page’s last change. ${RELOAD}`,
  },
  [CloseCode.ClientOutdated]: {
    title: 'This page is an older version of Rapporteur',
    detail:
      'The server runs a newer version and refused the last change from this page, so it was not saved. Your unsent changes are only in this tab: copy any words you need to keep, then reload the page to get the new version.',
  },
  [CloseCode.MessageInvalid]: {
    title: 'The server could not read a message from this page',
    detail: RELOAD,
  },
}

/** The message for a close code; an unknown code still gets a plain one, with the server's reason. */
export function closeMessage(code: number, reason: string): CloseMessage {
  return (
    MESSAGES[code] ?? {
      title: 'The server closed the connection',
      detail: `${reason ? `${reason}. ` : ''}${RELOAD}`,
    }
  )
}
