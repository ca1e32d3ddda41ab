import { CloseCode } from '@rapporteur/collab'
import { TokenRefusal } from './TokenRefusal.js'

/** The websocket close code and reason telling a client why its token was refused. */
export function tokenRefusalClose(refusal: TokenRefusal): { code: number; reason: string } {
  switch (refusal) {
    case TokenRefusal.Missing:
      return { code: CloseCode.Unauthorized, reason: 'A token is required' }
    case TokenRefusal.Unknown:
      return { code: CloseCode.Unauthorized, reason: 'Unknown token' }
    case TokenRefusal.Expired:
      return { code: CloseCode.Unauthorized, reason: 'Invite expired' }
    case TokenRefusal.Revoked:
      return { code: CloseCode.AccessRevoked, reason: 'Invite revoked' }
  }
}
