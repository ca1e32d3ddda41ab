import { createContext, useContext } from 'react'
import type { Session } from './Session'

export const SessionContext = createContext<Session | null>(null)

/** The signed-in session; only pages rendered inside `SessionGate` call this. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (session === null) throw new Error('useSession() must be called inside <SessionGate>')
  return session
}
