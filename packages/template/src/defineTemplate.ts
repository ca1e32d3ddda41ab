import type { MetaFieldDefinition, SectionDefinition, TemplateAlerts, TemplateDefinition } from './types.js'

/** Thrown when template data does not have the shape a template needs; `path` names the bad field. */
export class TemplateValidationError extends Error {
  override readonly name = 'TemplateValidationError'
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`)
  }
}

const ID_PATTERN = /^[a-z][a-z0-9-]*$/
const RESERVED_IDS = new Set(['meta', 'quotes'])

type Input = Record<string, unknown>

function record(value: unknown, path: string): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TemplateValidationError(path, 'must be an object')
  }
  return value as Input
}

function text(input: Input, key: string, path: string, options: { optional?: boolean } = {}): string {
  const value = input[key]
  if (value === undefined && options.optional) return ''
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TemplateValidationError(`${path}.${key}`, 'must be a non-empty string')
  }
  return value
}

function id(input: Input, path: string): string {
  const value = text(input, 'id', path)
  if (!ID_PATTERN.test(value)) {
    throw new TemplateValidationError(`${path}.id`, `"${value}" must be lowercase letters, digits and dashes`)
  }
  return value
}

function positiveInteger(input: Input, key: string, path: string): number {
  const value = input[key]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TemplateValidationError(`${path}.${key}`, 'must be a whole number of at least 1')
  }
  return value
}

function oneOf<T extends string>(input: Input, key: string, path: string, allowed: readonly T[]): T {
  const value = input[key]
  if (!allowed.includes(value as T)) {
    throw new TemplateValidationError(`${path}.${key}`, `must be one of ${allowed.join(', ')}`)
  }
  return value as T
}

function list(input: Input, key: string, path: string): unknown[] {
  const value = input[key]
  if (!Array.isArray(value) || value.length === 0) {
    throw new TemplateValidationError(`${path}.${key}`, 'must be a non-empty array')
  }
  return value
}

function metaField(value: unknown, path: string): MetaFieldDefinition {
  const input = record(value, path)
  const placeholder = text(input, 'placeholder', path, { optional: true })
  return {
    id: id(input, path),
    label: text(input, 'label', path),
    kind: oneOf(input, 'kind', path, ['text', 'datetime', 'people'] as const),
    ...(placeholder ? { placeholder } : {}),
  }
}

function section(value: unknown, path: string): SectionDefinition {
  const input = record(value, path)
  const sectionId = id(input, path)
  if (RESERVED_IDS.has(sectionId) && input.kind !== 'quotes') {
    throw new TemplateValidationError(`${path}.id`, `"${sectionId}" is reserved for the document layout`)
  }
  const kind = oneOf(input, 'kind', path, ['rich-text', 'quotes'] as const)
  if (kind === 'quotes' && sectionId !== 'quotes') {
    throw new TemplateValidationError(`${path}.id`, 'a quotes section must have the id "quotes"')
  }
  return {
    id: sectionId,
    title: text(input, 'title', path),
    guidance: text(input, 'guidance', path),
    kind,
    substantialWords: positiveInteger(input, 'substantialWords', path),
  }
}

function alerts(value: unknown): TemplateAlerts {
  const input = record(value, 'template.alerts')
  return {
    emptySectionsBeforeClosingMinutes: positiveInteger(input, 'emptySectionsBeforeClosingMinutes', 'template.alerts'),
    rapporteurAbsentMinutes: positiveInteger(input, 'rapporteurAbsentMinutes', 'template.alerts'),
  }
}

function unique(ids: readonly string[], path: string): void {
  const seen = new Set<string>()
  for (const [index, value] of ids.entries()) {
    if (seen.has(value)) throw new TemplateValidationError(`${path}[${index}].id`, `"${value}" is used twice`)
    seen.add(value)
  }
}

/** Validates template data and returns it typed; throws `TemplateValidationError` naming the first bad field. */
export function defineTemplate(value: unknown): TemplateDefinition {
  const input = record(value, 'template')
  const meta = list(input, 'meta', 'template').map((field, index) => metaField(field, `template.meta[${index}]`))
  const sections = list(input, 'sections', 'template').map((entry, index) => section(entry, `template.sections[${index}]`))
  unique(
    meta.map((field) => field.id),
    'template.meta',
  )
  unique(
    sections.map((entry) => entry.id),
    'template.sections',
  )
  return {
    id: id(input, 'template'),
    name: text(input, 'name', 'template'),
    intro: text(input, 'intro', 'template'),
    meta,
    sections,
    conciseBulletWords: positiveInteger(input, 'conciseBulletWords', 'template'),
    alerts: alerts(input.alerts),
  }
}
