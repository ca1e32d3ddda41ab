/** Thrown when bytes handed to the server as a Yjs update cannot be decoded. */
export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError'
}
