import {
  encodeAwarenessMessage,
  encodeSyncStep1Message,
  encodeSyncStep2Message,
  encodeUpdateMessage,
} from '@rapporteur/collab'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'

export interface FrameRecorder {
  /**
   * Stops recording; returns every update and awareness message the document and awareness produced, as the
   * stock client sends them, followed by its sync step 1 and a sync step 2 holding its whole state.
   */
  stop(): Uint8Array[]
}

/** Records the protocol frames a client with `doc` and `awareness` sends while the caller edits them. */
export function recordProtocolFrames(doc: Y.Doc, awareness: Awareness): FrameRecorder {
  const frames: Uint8Array[] = []
  const onUpdate = (update: Uint8Array): void => {
    frames.push(encodeUpdateMessage(update))
  }
  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    frames.push(encodeAwarenessMessage(awareness, [...added, ...updated, ...removed]))
  }
  doc.on('update', onUpdate)
  awareness.on('update', onAwareness)
  return {
    stop: () => {
      doc.off('update', onUpdate)
      awareness.off('update', onAwareness)
      frames.push(encodeSyncStep1Message(doc), encodeSyncStep2Message(doc, Y.encodeStateVector(new Y.Doc())))
      return frames
    },
  }
}
