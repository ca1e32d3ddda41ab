import type { MetaFieldDefinition } from '@rapporteur/template'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { metaFieldSource } from './fields/metaFieldSource'
import { useFieldUndoKeys } from './fields/useFieldUndoKeys'
import { SharedTextField } from './SharedTextField'

/** The report header (title, session, rapporteurs…): inputs bound character by character to the `meta` map's texts. */
export function MetaFields({
  doc,
  undo,
  fields,
  readOnly,
}: {
  readonly doc: Y.Doc
  readonly undo: Y.UndoManager
  readonly fields: readonly MetaFieldDefinition[]
  readonly readOnly: boolean
}) {
  const sources = useMemo(() => new Map(fields.map((field) => [field.id, metaFieldSource(doc, field.id)])), [doc, fields])
  const onKeyDown = useFieldUndoKeys(undo)
  return (
    <div className="meta-fields" data-meta-fields="" onKeyDown={onKeyDown}>
      {fields.map((field) => (
        <label key={field.id} className={`field field--${field.kind}`}>
          <span>{field.label}</span>
          <SharedTextField
            name={field.id}
            data-meta={field.id}
            source={sources.get(field.id) ?? metaFieldSource(doc, field.id)}
            undo={undo}
            placeholder={readOnly ? '' : field.placeholder}
            readOnly={readOnly}
            autoComplete="off"
          />
        </label>
      ))}
    </div>
  )
}
