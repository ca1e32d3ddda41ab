import { useLayoutEffect, useRef, type InputHTMLAttributes, type RefObject, type TextareaHTMLAttributes } from 'react'
import { mapCaretThroughEdit } from './mapCaretThroughEdit'

type FieldElement = HTMLInputElement | HTMLTextAreaElement

interface SharedTextFieldProps {
  /** The shared value; when it changes remotely the field follows without moving the local caret. */
  readonly value: string
  readonly onValueChange: (value: string) => void
  readonly multiline?: boolean
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange'>
type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'>

/**
 * A text input bound to a shared string. Uncontrolled on purpose: a controlled input would move the
 * caret to the end whenever a co-author's edit arrives; here the caret is mapped through the edit.
 */
export function SharedTextField({ value, onValueChange, multiline, ...rest }: SharedTextFieldProps & InputProps & TextareaProps) {
  const ref = useRef<FieldElement>(null)

  useLayoutEffect(() => {
    const field = ref.current
    if (field === null || field.value === value) return
    const before = field.value
    if (document.activeElement !== field) {
      field.value = value
      return
    }
    const start = mapCaretThroughEdit(before, value, field.selectionStart ?? before.length)
    const end = mapCaretThroughEdit(before, value, field.selectionEnd ?? before.length)
    field.value = value
    field.setSelectionRange(start, end)
  }, [value])

  const onChange = (event: { currentTarget: FieldElement }) => onValueChange(event.currentTarget.value)
  if (multiline) {
    return <textarea ref={ref as RefObject<HTMLTextAreaElement>} defaultValue={value} onChange={onChange} {...(rest as TextareaProps)} />
  }
  return <input ref={ref as RefObject<HTMLInputElement>} defaultValue={value} onChange={onChange} {...(rest as InputProps)} />
}
