import type { Extensions } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { LocalUser } from '../presence/LocalUser'

/**
 * The editor schema of a section body: paragraphs, bullet lists, bold, italic and links — the nodes
 * and marks of the document layout. Headings come from the template, so the editor has none.
 */
export function sectionExtensions(options: {
  readonly fragment: Y.XmlFragment
  readonly provider: WebsocketProvider
  readonly user: LocalUser
  readonly placeholder: string
}): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo; the default history would undo others' edits.
      undoRedo: false,
      // Each client would append its own trailing paragraph to shared content.
      trailingNode: false,
      heading: false,
      blockquote: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      orderedList: false,
      strike: false,
      underline: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    Placeholder.configure({ placeholder: options.placeholder }),
    Collaboration.configure({ fragment: options.fragment }),
    CollaborationCaret.configure({ provider: options.provider, user: { ...options.user } }),
  ]
}
