import { DurabilityKind } from '@rapporteur/collab'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDurabilityMessage } from '../readDurabilityMessage'

const decoderOf = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return decoding.createDecoder(encoding.toUint8Array(encoder))
}

describe('readDurabilityMessage', () => {
  it('reads SAVED with its state vector', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'abc')
    const message = readDurabilityMessage(
      decoderOf((encoder) => {
        encoding.writeVarUint(encoder, DurabilityKind.Saved)
        encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
      }),
    )
    expect(message).toEqual({ kind: 'saved', stateVector: new Map([[doc.clientID, 3]]) })
  })

  it('reads STORAGE_FAILING with its reason, and tolerates unknown kinds', () => {
    const failing = decoderOf((encoder) => {
      encoding.writeVarUint(encoder, DurabilityKind.StorageFailing)
      encoding.writeVarString(encoder, 'database is locked')
    })
    expect(readDurabilityMessage(failing)).toEqual({ kind: 'storage-failing', reason: 'database is locked' })
    expect(readDurabilityMessage(decoderOf((encoder) => encoding.writeVarUint(encoder, 9)))).toEqual({ kind: 'unknown' })
  })

  it('reads SAVED_THROUGH with its seq', () => {
    const message = readDurabilityMessage(
      decoderOf((encoder) => {
        encoding.writeVarUint(encoder, DurabilityKind.SavedThrough)
        encoding.writeVarUint(encoder, 300)
      }),
    )
    expect(message).toEqual({ kind: 'saved-through', seq: 300 })
  })
})
