import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../createServer.js'
import { TEST_ADMIN_TOKEN, createTempDir, getJson, postJson, startServer } from '../../__tests__/testServer.js'

interface ApiErrorBody {
  error: { code: string; message: string }
}

const ID = /^[a-z0-9]{12}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe('JSON API', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  it('creates an event, normalizing closingAt to UTC, and lists it', async () => {
    const created = await postJson(`${api}/events`, { title: ' Regional forum ', closingAt: '2031-03-01T09:30:00+01:00' })
    expect(created.status).toBe(201)
    const event = created.body as { id: string; title: string; closingAt: string; createdAt: string }
    expect(event).toEqual({ id: expect.stringMatching(ID), title: 'Regional forum', closingAt: '2031-03-01T08:30:00.000Z', createdAt: expect.stringMatching(ISO) })

    const listed = (await getJson(`${api}/events`)).body as { events: unknown[] }
    expect(listed.events).toContainEqual(event)
    expect(await getJson(`${api}/events/${event.id}`)).toEqual({ status: 200, body: { ...event, roundtables: [] } })
  })

  it('creates roundtables in an event and finds them by event and by id', async () => {
    const event = (await postJson(`${api}/events`, { title: 'Summit', closingAt: '2031-03-01T09:30:00Z' })).body as { id: string }
    const first = await postJson(`${api}/events/${event.id}/roundtables`, { title: 'Remittances' })
    const second = await postJson(`${api}/events/${event.id}/roundtables`, { title: 'Skills', templateId: 'roundtable-report' })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({
      id: expect.stringMatching(ID),
      eventId: event.id,
      title: 'Remittances',
      templateId: 'roundtable-report',
      createdAt: expect.stringMatching(ISO),
    })
    expect(second.status).toBe(201)

    expect(await getJson(`${api}/events/${event.id}/roundtables`)).toEqual({ status: 200, body: { roundtables: [first.body, second.body] } })
    expect((await getJson(`${api}/events/${event.id}`)).body).toMatchObject({ id: event.id, roundtables: [first.body, second.body] })
    const id = (first.body as { id: string }).id
    expect(await getJson(`${api}/roundtables/${id}`)).toEqual({
      status: 200,
      body: { ...(first.body as object), event: { id: event.id, title: 'Summit', closingAt: '2031-03-01T09:30:00.000Z' } },
    })
  })

  it.each([
    [{ closingAt: '2031-03-01T09:30:00Z' }, 'title must be a string'],
    [{ title: 42, closingAt: '2031-03-01T09:30:00Z' }, 'title must be a string'],
    [{ title: '   ', closingAt: '2031-03-01T09:30:00Z' }, 'title must not be empty'],
    [{ title: 'x'.repeat(201), closingAt: '2031-03-01T09:30:00Z' }, 'title must be at most 200 characters, got 201'],
    [{ title: 'Forum' }, 'closingAt must be an ISO 8601 date-time'],
    [{ title: 'Forum', closingAt: 'next friday' }, 'closingAt must be an ISO 8601 date-time'],
    [{ title: 'Forum', closingAt: '2031-03-01T09:30:00' }, 'closingAt must be an ISO 8601 date-time with a time zone'],
    [{ title: 'Forum', closingAt: '2031-02-30T09:30:00Z' }, 'closingAt is not a real date and time'],
    [{ title: 'Forum', closingAt: 1234567890 }, 'closingAt must be an ISO 8601 date-time'],
    [['Forum'], 'Request body must be a JSON object'],
  ])('refuses event %j with 400 naming the field', async (body, message) => {
    const response = await postJson(`${api}/events`, body)
    expect(response.status).toBe(400)
    expect((response.body as ApiErrorBody).error).toEqual({ code: 'invalid_request', message: expect.stringContaining(message) })
  })

  it('accepts a title of exactly 200 characters', async () => {
    const response = await postJson(`${api}/events`, { title: 'é'.repeat(200), closingAt: '2031-03-01T09:30:00Z' })
    expect(response.status).toBe(201)
  })

  it('refuses an unknown templateId and a bad roundtable title with 400', async () => {
    const event = (await postJson(`${api}/events`, { title: 'Summit', closingAt: '2031-03-01T09:30:00Z' })).body as { id: string }
    const unknownTemplate = await postJson(`${api}/events/${event.id}/roundtables`, { title: 'A', templateId: 'minutes' })
    expect(unknownTemplate.status).toBe(400)
    expect((unknownTemplate.body as ApiErrorBody).error.message).toBe('templateId must be one of "roundtable-report", got "minutes"')
    const noTitle = await postJson(`${api}/events/${event.id}/roundtables`, { title: '' })
    expect(noTitle.status).toBe(400)
    expect((noTitle.body as ApiErrorBody).error.message).toMatch(/^title /)
    expect((await getJson(`${api}/events/${event.id}/roundtables`)).body).toEqual({ roundtables: [] })
  })

  it('answers malformed JSON, a missing content type and an oversized body with JSON errors', async () => {
    const malformed = await postJson(`${api}/events`, '{"title": ')
    expect(malformed).toEqual({ status: 400, body: { error: { code: 'invalid_request', message: 'Request body is not valid JSON' } } })

    const plain = await fetch(`${api}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: 'title=Forum',
    })
    expect(plain.status).toBe(400)
    expect(((await plain.json()) as ApiErrorBody).error.message).toContain('Content-Type: application/json')

    const huge = await postJson(`${api}/events`, { title: 'Forum', closingAt: '2031-03-01T09:30:00Z', padding: 'x'.repeat(20_000) })
    expect(huge.status).toBe(413)
    expect((huge.body as ApiErrorBody).error.code).toBe('payload_too_large')
  })

  it('answers 404 JSON for unknown events, roundtables and API routes', async () => {
    const cases: Array<[string, string]> = [
      [`${api}/events/nosuchevent0`, 'No event with id "nosuchevent0"'],
      [`${api}/events/nosuchevent0/roundtables`, 'No event with id "nosuchevent0"'],
      [`${api}/roundtables/nosuchround0`, 'No roundtable with id "nosuchround0"'],
      [`${api}/nothing/here`, 'No API route GET /api/nothing/here'],
    ]
    for (const [url, message] of cases) {
      expect(await getJson(url)).toEqual({ status: 404, body: { error: { code: 'not_found', message } } })
    }
    const post = await postJson(`${api}/events/nosuchevent0/roundtables`, { title: 'A' })
    expect(post).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No event with id "nosuchevent0"' } } })
    const deleted = await fetch(`${api}/events`, { method: 'DELETE', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    expect(deleted.status).toBe(404)
    expect(((await deleted.json()) as ApiErrorBody).error.code).toBe('not_found')
  })
})
