/**
 * Origin of the transactions that bring a field or quote to layout v2 before this page writes to it (a string
 * turned into a `Y.Text` with the same words, a quote given an id). Not undoable: undoing one would write the
 * layout v1 string back, which the server refuses.
 */
export const LAYOUT_UPGRADE_ORIGIN: object = Object.freeze({ name: 'rapporteur.layout-upgrade' })
