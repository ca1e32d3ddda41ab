import { sectionFragment } from '@rapporteur/template'
import { EditorContent, useEditor } from '@tiptap/react'
import { useMemo } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { LocalUser } from '../presence/LocalUser'
import { EditorToolbar } from './EditorToolbar'
import { sectionExtensions } from './sectionExtensions'

/**
 * One rich-text section: its own Tiptap editor bound to the section's fragment of the shared doc.
 * Never given initial `content`: the fragment (synced from the server) is the only source.
 */
export function SectionEditor({
  doc,
  provider,
  user,
  sectionId,
  label,
}: {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly user: LocalUser
  readonly sectionId: string
  readonly label: string
}) {
  const fragment = useMemo(() => sectionFragment(doc, sectionId), [doc, sectionId])
  const extensions = useMemo(
    () => sectionExtensions({ fragment, provider, user, placeholder: 'Write concise bullet points…' }),
    [fragment, provider, user],
  )
  const editor = useEditor(
    {
      extensions,
      editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' } },
    },
    [fragment, provider, user],
  )

  return (
    <div className="section-editor">
      <EditorToolbar editor={editor} label={label} />
      <EditorContent editor={editor} className="section-editor__content" />
    </div>
  )
}
