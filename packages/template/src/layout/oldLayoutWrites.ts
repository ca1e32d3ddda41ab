import * as Y from 'yjs'
import type { TemplateDefinition } from '../types.js'
import { META_KEY, QUOTES_KEY } from './documentLayout.js'
import { QUOTE_TEXT_FIELDS } from './quotes.js'
import { contentRefAny, scanUpdateItems } from './scanUpdateItems.js'

/** Content kind of `ContentJSON`, what very old Yjs wrote for map values. */
const contentRefJson = 2
const QUOTE_FIELD_KEYS: ReadonlySet<string> = new Set(QUOTE_TEXT_FIELDS)

/** Where an item of the update sits: its parent (a root name, or the id of the item holding the parent type) and key. */
interface Placement {
  readonly parent: string | Y.ID | null
  readonly parentSub: string | null
}

/** The items of the update by id, to place items whose origin or parent arrives in the same update. */
type UpdateItems = Map<string, Y.Item>

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}

/** The item holding `id`: in the document, or among the update's own items. */
function itemAt(doc: Y.Doc, items: UpdateItems, id: Y.ID): Y.Item | null {
  if (id.clock < Y.getState(doc.store, id.client)) {
    const struct = Y.getItem(doc.store, id)
    return struct instanceof Y.Item ? struct : null
  }
  return items.get(idKey(id)) ?? null
}

/** An item's parent and key. Integrated items know theirs; the update's own follow their origin (depth-bounded). */
function placementOf(doc: Y.Doc, items: UpdateItems, item: Y.Item, depth = 0): Placement | null {
  if (depth > 32) return null
  const parent: unknown = item.parent
  if (parent instanceof Y.AbstractType) {
    return { parent: parent._item === null ? Y.findRootTypeKey(parent) : parent._item.id, parentSub: item.parentSub }
  }
  if (typeof parent === 'string' || parent instanceof Y.ID) return { parent, parentSub: item.parentSub }
  const origin = item.origin ?? item.rightOrigin
  const neighbour = origin === null ? null : itemAt(doc, items, origin)
  return neighbour === null ? null : placementOf(doc, items, neighbour, depth + 1)
}

/** Whether the item holding type `id` is a quote: a map placed directly in the `quotes` array. */
function isQuote(doc: Y.Doc, items: UpdateItems, id: Y.ID): boolean {
  const holder = itemAt(doc, items, id)
  if (holder === null || !(holder.content instanceof Y.ContentType) || !(holder.content.type instanceof Y.Map)) return false
  const placement = placementOf(doc, items, holder)
  return placement !== null && placement.parent === QUOTES_KEY && placement.parentSub === null
}

/**
 * Whether a client's `update` writes layout v1 values into the report: a plain value (not a `Y.Text`) as one of the
 * template's header fields in `meta`, or as a quote's text field. Such a write comes from a page of the previous
 * release; applied, it would replace a co-edited `Y.Text` (last writer wins, words lost), so the server refuses it
 * and tells the page to reload. A value the update itself deletes (history re-sent after a server crash, say) is no
 * write. Typing (string content) is never looked at beyond a byte scan.
 */
export function writesOldLayout(update: Uint8Array, doc: Y.Doc, template: TemplateDefinition): boolean {
  const scanned = scanUpdateItems(update)
  if (!scanned.some((item) => item.contentRef === contentRefAny || item.contentRef === contentRefJson)) return false
  const metaKeys = new Set(template.meta.map((field) => field.id))
  const { structs, ds } = Y.decodeUpdate(update)
  const decoded = structs.filter((struct): struct is Y.Item => struct instanceof Y.Item)
  const items: UpdateItems = new Map(decoded.map((item) => [idKey(item.id), item]))
  return decoded.some((item) => {
    if (!(item.content instanceof Y.ContentAny) && !(item.content instanceof Y.ContentJSON)) return false
    // A value the same update deletes (overwritten before the upgrade, re-sent after a crash with the rest of the
    // history) writes nothing.
    if (Y.isDeleted(ds, item.id)) return false
    const placement = placementOf(doc, items, item)
    if (placement === null || placement.parentSub === null) return false
    if (placement.parent === META_KEY) return metaKeys.has(placement.parentSub)
    return placement.parent instanceof Y.ID && QUOTE_FIELD_KEYS.has(placement.parentSub) && isQuote(doc, items, placement.parent)
  })
}
