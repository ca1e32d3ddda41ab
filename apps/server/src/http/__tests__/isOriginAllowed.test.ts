import { describe, expect, it } from 'vitest'
import { isOriginAllowed } from '../isOriginAllowed.js'

describe('isOriginAllowed', () => {
  const listed = ['https://reports.example.org']

  it('allows requests without Origin, listed origins, and the server\'s own', () => {
    expect(isOriginAllowed(undefined, '127.0.0.1:3000', [])).toBe(true)
    expect(isOriginAllowed('https://reports.example.org', '127.0.0.1:3000', listed)).toBe(true)
    expect(isOriginAllowed('https://REPORTS.example.org:443', '127.0.0.1:3000', listed)).toBe(true)
    expect(isOriginAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true)
    expect(isOriginAllowed('https://reports.example.org', 'reports.example.org', [])).toBe(true)
    expect(isOriginAllowed('http://reports.example.org', 'reports.example.org:80', [])).toBe(true)
  })

  it('refuses other origins, opaque ones, and lookalikes', () => {
    expect(isOriginAllowed('https://evil.example.com', '127.0.0.1:3000', listed)).toBe(false)
    expect(isOriginAllowed('null', '127.0.0.1:3000', listed)).toBe(false)
    expect(isOriginAllowed('http://127.0.0.1:3001', '127.0.0.1:3000', [])).toBe(false)
    expect(isOriginAllowed('https://reports.example.org.evil.com', 'reports.example.org', listed)).toBe(false)
    expect(isOriginAllowed('http://reports.example.org', '127.0.0.1:3000', listed)).toBe(false)
    expect(isOriginAllowed('https://reports.example.org', undefined, [])).toBe(false)
    expect(isOriginAllowed('https://a.example.org', 'a.example.org/evil', [])).toBe(false)
  })
})
