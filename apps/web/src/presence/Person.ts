/** One connected client as read from awareness; `section` is the id of the section they work in. */
export interface Person {
  readonly clientId: number
  readonly name: string
  readonly color: string
  readonly section: string | null
  readonly isLocal: boolean
}
