import { reportMeta, type MetaFieldDefinition } from '@rapporteur/template'
import type * as Y from 'yjs'
import { SharedTextField } from './SharedTextField'
import { useMetaValues } from './useMetaValues'

/** The report header (title, session, rapporteurs…): plain inputs bound to the shared `meta` map. */
export function MetaFields({
  doc,
  fields,
  readOnly,
}: {
  readonly doc: Y.Doc
  readonly fields: readonly MetaFieldDefinition[]
  readonly readOnly: boolean
}) {
  const values = useMetaValues(doc)
  return (
    <div className="meta-fields" data-meta-fields="">
      {fields.map((field) => (
        <label key={field.id} className={`field field--${field.kind}`}>
          <span>{field.label}</span>
          <SharedTextField
            name={field.id}
            data-meta={field.id}
            value={values[field.id] ?? ''}
            placeholder={readOnly ? '' : field.placeholder}
            onValueChange={(value) => reportMeta(doc).set(field.id, value)}
            readOnly={readOnly}
            autoComplete="off"
          />
        </label>
      ))}
    </div>
  )
}
