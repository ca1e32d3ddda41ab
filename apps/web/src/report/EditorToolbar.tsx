import { useEditorState, type Editor } from '@tiptap/react'
import type { ReactNode } from 'react'

/** Formatting buttons for one section editor: bullets first, as the template asks for bullet points. */
export function EditorToolbar({ editor, label }: { readonly editor: Editor; readonly label: string }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bulletList: current.isActive('bulletList'),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      link: current.isActive('link'),
    }),
  })

  const toggleLink = () => {
    if (active.link) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run()
      return
    }
    const href = window.prompt('Link address (URL)', 'https://')?.trim()
    if (!href || href === 'https://') return
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label={`Formatting for ${label}`}>
      <ToolbarButton pressed={active.bulletList} title="Bullet list (type “- ” at the start of a line)" onPress={() => editor.chain().focus().toggleBulletList().run()}>
        • List
      </ToolbarButton>
      <ToolbarButton pressed={active.bold} title="Bold (Ctrl+B)" onPress={() => editor.chain().focus().toggleBold().run()}>
        <strong>B</strong>
      </ToolbarButton>
      <ToolbarButton pressed={active.italic} title="Italic (Ctrl+I)" onPress={() => editor.chain().focus().toggleItalic().run()}>
        <em>I</em>
      </ToolbarButton>
      <ToolbarButton pressed={active.link} title={active.link ? 'Remove link' : 'Add link'} onPress={toggleLink}>
        Link
      </ToolbarButton>
    </div>
  )
}

function ToolbarButton({
  pressed,
  title,
  onPress,
  children,
}: {
  readonly pressed: boolean
  readonly title: string
  readonly onPress: () => void
  readonly children: ReactNode
}) {
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-pressed={pressed}
      title={title}
      // Keep the editor's selection: a mousedown on the button would otherwise blur the editor first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  )
}
