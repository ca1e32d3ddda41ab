/**
 * Origin of the transactions of this page's own edits of header and quote fields (typing, consent, adding and
 * removing quotes): what the report's field undo manager tracks, and nothing else.
 */
export const FIELD_EDIT_ORIGIN: object = Object.freeze({ name: 'rapporteur.field-edit' })
