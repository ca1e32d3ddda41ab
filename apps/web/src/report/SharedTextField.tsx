import { useRef, type InputHTMLAttributes, type RefObject, type TextareaHTMLAttributes } from 'react'
import type * as Y from 'yjs'
import type { TextFieldSource } from './fields/TextFieldSource'
import { useTextBinding } from './fields/useTextBinding'

interface SharedTextFieldProps {
  /** Where the field's text lives; a co-author's edit shows at once without moving the local caret. */
  readonly source: TextFieldSource
  /** The report's field undo, which Ctrl+Z and the browser's undo reach. */
  readonly undo: Y.UndoManager
  readonly multiline?: boolean
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange'>
type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'>

/**
 * A text input bound to a shared `Y.Text` character by character (`useTextBinding`). Uncontrolled on purpose:
 * React never sets its value, the binding does, so a co-author's edit never moves the caret or loses a letter.
 */
export function SharedTextField({ source, undo, multiline, ...rest }: SharedTextFieldProps & InputProps & TextareaProps) {
  const ref = useRef<HTMLInputElement | HTMLTextAreaElement>(null)
  useTextBinding(ref, source, undo)
  if (multiline) return <textarea ref={ref as RefObject<HTMLTextAreaElement>} {...(rest as TextareaProps)} />
  return <input ref={ref as RefObject<HTMLInputElement>} {...(rest as InputProps)} />
}
