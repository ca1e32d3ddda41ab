/** The person at this browser, as shown to others (awareness `user`, caret labels). */
export interface LocalUser {
  readonly name: string
  /** `#rrggbb`: the caret plugin only accepts six-digit hex colours. */
  readonly color: string
}
