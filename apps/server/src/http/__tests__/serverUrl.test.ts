import { describe, expect, it } from 'vitest'
import { serverUrl } from '../serverUrl.js'

describe('serverUrl', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:3000'],
    ['0.0.0.0', 'http://127.0.0.1:3000'],
    ['::', 'http://127.0.0.1:3000'],
    ['::1', 'http://[::1]:3000'],
    ['localhost', 'http://localhost:3000'],
  ])('turns host %s into %s', (host, url) => {
    expect(serverUrl(host, 3000)).toBe(url)
  })
})
