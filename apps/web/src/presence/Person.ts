/** One connected client as read from awareness; `section` is the id of the section they work in. */
export interface Person {
  readonly clientId: number
  readonly name: string
  readonly color: string
  readonly section: string | null
  /** The role the client says it signed in with (display only: awareness is not authenticated). */
  readonly role: string | null
  readonly isLocal: boolean
}
