import { describe, expect, it } from 'vitest'
import { SseParser, type SseEvent } from '../SseParser.js'

describe('SseParser', () => {
  it('parses events split across chunks, skipping comments', () => {
    const events: SseEvent[] = []
    const parser = new SseParser((event) => events.push(event))
    parser.push(': keepalive\n\nevent: snap')
    parser.push('shot\ndata: {"a":1}\r\n\r\nevent: roundtable\ndata: {"b":')
    expect(events).toEqual([{ event: 'snapshot', data: '{"a":1}' }])
    parser.push('2}\n\n')
    expect(events).toEqual([
      { event: 'snapshot', data: '{"a":1}' },
      { event: 'roundtable', data: '{"b":2}' },
    ])
  })

  it('joins multi-line data and defaults the event name to message', () => {
    const events: SseEvent[] = []
    const parser = new SseParser((event) => events.push(event))
    parser.push('data: one\ndata:two\n\n')
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }])
  })
})
