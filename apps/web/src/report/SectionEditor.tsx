import { sectionFragment } from '@rapporteur/template'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useMemo } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { LocalUser } from '../presence/LocalUser'
import { EditorToolbar } from './EditorToolbar'
import { sectionExtensions } from './sectionExtensions'

/**
 * One rich-text section: its own Tiptap editor bound to the section's fragment of the shared doc.
 * Never given initial `content`: the fragment (synced from the server) is the only source.
 * `readOnly` turns editing off in the browser (chair, viewer, closed connection); the server is
 * the guard that drops such connections' writes.
 */
export function SectionEditor({
  doc,
  provider,
  user,
  sectionId,
  label,
  readOnly,
}: {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly user: LocalUser
  readonly sectionId: string
  readonly label: string
  readonly readOnly: boolean
}) {
  const fragment = useMemo(() => sectionFragment(doc, sectionId), [doc, sectionId])
  // The placeholder shows only while the editor is editable (Tiptap's default).
  const extensions = useMemo(
    () => sectionExtensions({ fragment, provider, user, placeholder: 'Write concise bullet points…' }),
    [fragment, provider, user],
  )
  const editor = useEditor(
    {
      extensions,
      editable: !readOnly,
      editorProps: {
        attributes: { 'aria-label': label, 'aria-multiline': 'true', 'aria-readonly': String(readOnly), role: 'textbox' },
      },
    },
    [fragment, provider, user],
  )

  useEffect(() => {
    if (editor.isEditable === readOnly) editor.setEditable(!readOnly, false)
  }, [editor, readOnly])

  return (
    <div className={`section-editor${readOnly ? ' section-editor--read-only' : ''}`}>
      {!readOnly && <EditorToolbar editor={editor} label={label} />}
      <EditorContent editor={editor} className="section-editor__content" />
    </div>
  )
}
